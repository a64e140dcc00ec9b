import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type ChangePasswordInput = components['schemas']['ChangePasswordRequest'];

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await unwrap(api.POST('/api/v1/me/password', { body: input }));
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
