import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { consultationKeys } from './query-keys';

/** One consultation with its follow-ups and referrals. */
export function getConsultation(id: string) {
  return unwrap(api.GET('/api/v1/consultations/{id}', { params: { path: { id } } }));
}

export const consultationQueryOptions = (id: string) =>
  queryOptions({ queryKey: consultationKeys.detail(id), queryFn: () => getConsultation(id) });

export function useConsultation(id: string) {
  return useQuery(consultationQueryOptions(id));
}
