import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** The unit's desks (public), in display order. */
export function getWalkinDesks(code: string) {
  return unwrap(api.GET('/api/v1/units/{code}/walkin/desks', { params: { path: { code } } }));
}

export const walkinDesksQueryOptions = (code: string) =>
  queryOptions({ queryKey: walkinKeys.desks(code), queryFn: () => getWalkinDesks(code), select: (list) => list.items });

export function useWalkinDesks(code: string) {
  return useQuery(walkinDesksQueryOptions(code));
}
