import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

/** Whether this year's and next year's decrees are loaded, as of today in Asia/Jakarta. */
export function getCalendarStatus() {
  return unwrap(api.GET('/api/v1/holidays/status'));
}

export const calendarStatusQueryKey = ['holidays', 'status'] as const;

export const calendarStatusQueryOptions = () =>
  queryOptions({ queryKey: calendarStatusQueryKey, queryFn: getCalendarStatus });

export function useCalendarStatus({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...calendarStatusQueryOptions(), enabled });
}
