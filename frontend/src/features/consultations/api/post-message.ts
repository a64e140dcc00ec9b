import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { addMessages } from '../utils/cache';

export type PostMessageInput = { consultationId: string; body: string };

export function postMessage({ consultationId, body }: PostMessageInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/messages', { params: { path: { id: consultationId } }, body: { body } }),
  );
}

export function usePostMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postMessage,
    onSuccess: (message, { consultationId }) => addMessages(queryClient, consultationId, [message]),
  });
}
