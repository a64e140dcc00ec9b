import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** The day's walk-in figures per service, per desk and in total (unit staff). */
export function getWalkinStats(code: string, date?: string) {
  return unwrap(api.GET('/api/v1/units/{code}/walkin/stats', { params: { path: { code }, query: { date } } }));
}

export const walkinStatsQueryOptions = (code: string, date?: string) =>
  queryOptions({ queryKey: walkinKeys.stats(code, date), queryFn: () => getWalkinStats(code, date) });

export function useWalkinStats(code: string, date?: string) {
  return useQuery({ ...walkinStatsQueryOptions(code, date), staleTime: 0, refetchInterval: 60_000 });
}
