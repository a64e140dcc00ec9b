import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth/get-me';

export type UpdateMeInput = components['schemas']['UpdateMeRequest'];

export function updateMe(input: UpdateMeInput) {
  return unwrap(api.PATCH('/api/v1/me', { body: input }));
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
