import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { SynonymList } from '@/lib/api/types';

import { knowledgeKeys } from './query-keys';

/** Replaces the whole synonym list; searches use it at once. */
export function updateSynonyms(list: SynonymList) {
  return unwrap(api.PUT('/api/v1/knowledge/synonyms', { body: list }));
}

export function useUpdateSynonyms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSynonyms,
    onSuccess: async (saved) => {
      queryClient.setQueryData(knowledgeKeys.synonyms(), saved);
      // Results found with the old list may differ now.
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.searches() });
    },
  });
}
