import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type RegisterInput = components['schemas']['RegisterRequest'];

export function register(input: RegisterInput) {
  return unwrap(api.POST('/api/v1/auth/register', { body: input }));
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
