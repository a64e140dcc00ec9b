import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeThread } from './store-thread';

/** An officer writes to the respondent: emailed with a reply link; the follow-up becomes `contacted`. */
export function sendFollowUp({ id, message }: { id: string; message: string }) {
  return unwrap(api.POST('/api/v1/ratings/{id}/follow-ups', { params: { path: { id } }, body: { message } }));
}

export function useSendFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendFollowUp, onSuccess: (thread) => storeThread(queryClient, thread) });
}
