import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

import { consultationKeys } from './query-keys';

export type CreateFollowUpInput = { id: string } & components['schemas']['FollowUpRequest'];

/** Schedules a follow-up in person or as a video meeting; the user is emailed an invitation. */
export function createFollowUp({ id, ...body }: CreateFollowUpInput) {
  return unwrap(api.POST('/api/v1/consultations/{id}/follow-ups', { params: { path: { id } }, body }));
}

export function useCreateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFollowUp,
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: consultationKeys.detail(id) }),
  });
}
