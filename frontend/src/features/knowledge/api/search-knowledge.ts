import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { knowledgeKeys, type SearchQuery } from './query-keys';

/** Published articles matching the words, best first (public; also the suggestions while typing). */
export function searchKnowledge({ q, category, unit, page, perPage }: SearchQuery) {
  return unwrap(
    api.GET('/api/v1/knowledge/search', {
      params: { query: { q, category, unit, page, per_page: perPage } },
    }),
  );
}

export const knowledgeSearchQueryOptions = (query: SearchQuery) =>
  queryOptions({ queryKey: knowledgeKeys.search(query), queryFn: () => searchKnowledge(query), staleTime: 30_000 });

export function useKnowledgeSearch(query: SearchQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...knowledgeSearchQueryOptions(query), enabled, placeholderData: keepPreviousData });
}
