import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { ratingKeys, type RatingListQuery } from './query-keys';

/** A unit's ratings for its staff, newest first. */
export function getRatings({ unit, from, to, channel, needsFollowUp, state, page, perPage }: RatingListQuery) {
  return unwrap(
    api.GET('/api/v1/ratings', {
      params: { query: { unit, from, to, channel, needs_follow_up: needsFollowUp, state, page, per_page: perPage } },
    }),
  );
}

export const ratingsQueryOptions = (query: RatingListQuery) =>
  queryOptions({ queryKey: ratingKeys.list(query), queryFn: () => getRatings(query) });

export function useRatings(query: RatingListQuery) {
  return useQuery({ ...ratingsQueryOptions(query), placeholderData: keepPreviousData });
}
