import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { complaintKeys, type ComplaintListQuery } from './query-keys';

/** One page of a unit's complaints: those past their deadline first. */
export function getComplaints({ perPage, ...query }: ComplaintListQuery) {
  return unwrap(api.GET('/api/v1/complaints', { params: { query: { ...query, per_page: perPage } } }));
}

export const complaintsQueryOptions = (query: ComplaintListQuery) =>
  queryOptions({ queryKey: complaintKeys.list(query), queryFn: () => getComplaints(query) });

export function useComplaints(query: ComplaintListQuery) {
  return useQuery({ ...complaintsQueryOptions(query), placeholderData: keepPreviousData });
}
