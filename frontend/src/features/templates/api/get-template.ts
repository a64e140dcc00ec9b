import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { templateKeys } from './query-keys';

/** One template, as written (with its variables). */
export function getTemplate(id: string) {
  return unwrap(api.GET('/api/v1/templates/{id}', { params: { path: { id } } }));
}

export const templateQueryOptions = (id: string) =>
  queryOptions({ queryKey: templateKeys.detail(id), queryFn: () => getTemplate(id) });

export function useTemplate(id: string) {
  return useQuery(templateQueryOptions(id));
}
