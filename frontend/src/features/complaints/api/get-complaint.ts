import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { complaintKeys } from './query-keys';

/** One complaint with its whole history, for the unit's staff. */
export function getComplaint(id: string) {
  return unwrap(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } }));
}

export const complaintQueryOptions = (id: string) =>
  queryOptions({ queryKey: complaintKeys.detail(id), queryFn: () => getComplaint(id) });

export function useComplaint(id: string) {
  return useQuery(complaintQueryOptions(id));
}
