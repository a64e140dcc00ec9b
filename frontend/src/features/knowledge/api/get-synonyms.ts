import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { knowledgeKeys } from './query-keys';

/** The synonym groups the search expands queries with (staff). */
export function getSynonyms() {
  return unwrap(api.GET('/api/v1/knowledge/synonyms'));
}

export const synonymsQueryOptions = () => queryOptions({ queryKey: knowledgeKeys.synonyms(), queryFn: getSynonyms });

export function useSynonyms() {
  return useQuery(synonymsQueryOptions());
}
