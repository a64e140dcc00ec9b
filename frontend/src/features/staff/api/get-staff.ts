import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type StaffQuery = { unit?: string; page: number; perPage: number };

export function getStaff({ unit, page, perPage }: StaffQuery) {
  return unwrap(
    api.GET('/api/v1/staff', { params: { query: { unit: unit || undefined, page, per_page: perPage } } }),
  );
}

export const staffQueryKey = ['staff'] as const;

export const staffQueryOptions = (query: StaffQuery) =>
  queryOptions({ queryKey: [...staffQueryKey, query], queryFn: () => getStaff(query) });

export function useStaff(query: StaffQuery) {
  return useQuery({ ...staffQueryOptions(query), placeholderData: keepPreviousData });
}
