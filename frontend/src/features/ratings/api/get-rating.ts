import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { ratingKeys } from './query-keys';

/**
 * A rating and its follow-up messages: for the unit's staff, the signed-in respondent, or the
 * respondent's emailed link (`token`).
 */
export function getRating(id: string, token?: string) {
  return unwrap(api.GET('/api/v1/ratings/{id}', { params: { path: { id }, query: { token } } }));
}

export const ratingQueryOptions = (id: string, token?: string) =>
  queryOptions({ queryKey: ratingKeys.detail(id), queryFn: () => getRating(id, token) });

export function useRating(id: string, { token, enabled = true }: { token?: string; enabled?: boolean } = {}) {
  return useQuery({ ...ratingQueryOptions(id, token), enabled });
}
