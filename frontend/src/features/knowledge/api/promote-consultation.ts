import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeArticle } from '../utils/cache';

import { knowledgeKeys } from './query-keys';

export type PromoteInput = {
  consultationId: string;
  /** The final-answer messages; every officer message when omitted. */
  messageIds?: string[];
};

/** Turns an answered consultation into a draft article, personal data stripped by the server. */
export function promoteConsultation({ consultationId, messageIds }: PromoteInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/promote', {
      params: { path: { id: consultationId } },
      body: messageIds ? { message_ids: messageIds } : {},
    }),
  );
}

export function usePromoteConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: promoteConsultation,
    onSuccess: async (article) => {
      await storeArticle(queryClient, article);
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.curation() });
    },
  });
}
