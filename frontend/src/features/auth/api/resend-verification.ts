import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export async function resendVerification(email: string): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/resend-verification', { body: { email } }));
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
