import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type ConfirmPasswordResetInput = components['schemas']['ResetConfirmRequest'];

export async function confirmPasswordReset(input: ConfirmPasswordResetInput): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: input }));
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
