import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export function getHolidays(year: number) {
  return unwrap(api.GET('/api/v1/holidays', { params: { query: { year } } }));
}

export const holidaysQueryKey = (year: number) => ['holidays', year] as const;

export const holidaysQueryOptions = (year: number) =>
  queryOptions({ queryKey: holidaysQueryKey(year), queryFn: () => getHolidays(year) });

export function useHolidays(year: number) {
  return useQuery(holidaysQueryOptions(year));
}
