import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeThread } from './store-thread';

export type ReplyInput = { id: string; body: string; token?: string };

/** The respondent answers the unit's follow-up: signed in, or through the emailed link's token. */
export function replyToFollowUp({ id, body, token }: ReplyInput) {
  return unwrap(api.POST('/api/v1/ratings/{id}/replies', { params: { path: { id }, query: { token } }, body: { body } }));
}

export function useReplyToFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: replyToFollowUp, onSuccess: (thread) => storeThread(queryClient, thread) });
}
