import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { unitsQueryKey } from './get-units';

export function getUnit(code: string) {
  return unwrap(api.GET('/api/v1/units/{code}', { params: { path: { code } } }));
}

export const unitQueryKey = (code: string) => [...unitsQueryKey, code] as const;

export const unitQueryOptions = (code: string) =>
  queryOptions({ queryKey: unitQueryKey(code), queryFn: () => getUnit(code) });

export function useUnit(code: string | undefined) {
  return useQuery({ ...unitQueryOptions(code ?? ''), enabled: Boolean(code) });
}
