import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export function verifyEmail(token: string) {
  return unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } }));
}

export function useVerifyEmail() {
  return useMutation({ mutationFn: verifyEmail });
}
