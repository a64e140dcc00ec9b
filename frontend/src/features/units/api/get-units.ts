import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Unit } from '@/lib/api/types';

const PER_PAGE = 100;

/** Every unit, page by page (the list is short: one unit per region that runs a PST). */
export async function getUnits(): Promise<Unit[]> {
  const units: Unit[] = [];
  for (let page = 1; ; page += 1) {
    const data = await unwrap(api.GET('/api/v1/units', { params: { query: { page, per_page: PER_PAGE } } }));
    units.push(...data.items);
    if (data.items.length === 0 || units.length >= data.total) return units;
  }
}

export const unitsQueryKey = ['units'] as const;

export const unitsQueryOptions = () =>
  queryOptions({ queryKey: unitsQueryKey, queryFn: getUnits, staleTime: 5 * 60_000 });

export function useUnits() {
  return useQuery(unitsQueryOptions());
}
