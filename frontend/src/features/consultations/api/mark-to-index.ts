import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeConsultation } from '../utils/cache';

export type MarkToIndexInput = { id: string; toIndex: boolean };

/** Marks (or unmarks) a conversation to be curated into the knowledge base. */
export function markToIndex({ id, toIndex }: MarkToIndexInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/to-index', { params: { path: { id } }, body: { to_index: toIndex } }),
  );
}

export function useMarkToIndex() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markToIndex,
    onSuccess: (view) => storeConsultation(queryClient, view),
  });
}
