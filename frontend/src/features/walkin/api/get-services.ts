import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** The unit's walk-in services (public), in display order. */
export function getWalkinServices(code: string) {
  return unwrap(api.GET('/api/v1/units/{code}/walkin/services', { params: { path: { code } } }));
}

export const walkinServicesQueryOptions = (code: string) =>
  queryOptions({ queryKey: walkinKeys.services(code), queryFn: () => getWalkinServices(code), select: (list) => list.items });

export function useWalkinServices(code: string) {
  return useQuery(walkinServicesQueryOptions(code));
}
