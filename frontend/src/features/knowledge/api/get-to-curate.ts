import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { knowledgeKeys } from './query-keys';

/** Consultations marked "to index" that nothing was promoted from yet, oldest first (staff). */
export function getToCurate(page: number, perPage: number) {
  return unwrap(api.GET('/api/v1/knowledge/to-curate', { params: { query: { page, per_page: perPage } } }));
}

export const toCurateQueryOptions = (page: number, perPage: number) =>
  queryOptions({ queryKey: knowledgeKeys.toCurate(page, perPage), queryFn: () => getToCurate(page, perPage) });

export function useToCurate(page: number, perPage: number) {
  return useQuery({ ...toCurateQueryOptions(page, perPage), placeholderData: keepPreviousData });
}
