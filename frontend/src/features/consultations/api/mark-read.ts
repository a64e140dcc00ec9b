import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { patchConsultation } from '../utils/cache';

export type MarkReadInput = { consultationId: string; messageId: string };

/** Records the newest message the caller has read (read receipts, unread counts). */
export function markRead({ consultationId, messageId }: MarkReadInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/read', {
      params: { path: { id: consultationId } },
      body: { message_id: messageId },
    }),
  );
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: (_data, { consultationId }) =>
      patchConsultation(queryClient, consultationId, (c) => ({ ...c, unread_count: 0 })),
  });
}
