import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { consultationKeys, type ConsultationListQuery } from './query-keys';

/** Own consultations (public) or the unit's (staff; those past their deadline first). */
export function getConsultations({ status, category, mine, q, channel, from, to, unit, page, perPage }: ConsultationListQuery) {
  return unwrap(
    api.GET('/api/v1/consultations', {
      params: {
        query: {
          status,
          category,
          assignee: mine ? 'me' : undefined,
          q: q?.trim() || undefined,
          channel,
          from,
          to,
          unit,
          page,
          per_page: perPage,
        },
      },
    }),
  );
}

export const consultationsQueryOptions = (query: ConsultationListQuery) =>
  queryOptions({ queryKey: consultationKeys.list(query), queryFn: () => getConsultations(query) });

export function useConsultations(query: ConsultationListQuery) {
  return useQuery({ ...consultationsQueryOptions(query), placeholderData: keepPreviousData });
}
