import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Visibility } from '@/lib/api/types';

import { addMessages } from '../utils/cache';

export type PostMessageInput = { consultationId: string; body: string; visibility?: Visibility };

export function postMessage({ consultationId, body, visibility }: PostMessageInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/messages', {
      params: { path: { id: consultationId } },
      body: visibility === 'internal' ? { body, visibility } : { body },
    }),
  );
}

export function usePostMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postMessage,
    onSuccess: (message, { consultationId }) => addMessages(queryClient, consultationId, [message]),
  });
}
