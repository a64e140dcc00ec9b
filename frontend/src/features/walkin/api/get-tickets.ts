import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TicketStatus } from '@/lib/api/types';

import { walkinKeys, type TicketListQuery } from './query-keys';

/** The day's tickets of the unit (its staff). */
export function getTickets(code: string, { status, date, page, perPage }: TicketListQuery) {
  return unwrap(
    api.GET('/api/v1/units/{code}/walkin/tickets', {
      params: {
        path: { code },
        query: { status: status as TicketStatus | undefined, date, page, per_page: perPage },
      },
    }),
  );
}

export const ticketsQueryOptions = (code: string, query: TicketListQuery) =>
  queryOptions({ queryKey: walkinKeys.ticketList(code, query), queryFn: () => getTickets(code, query) });

/** All of today's tickets: a unit serves far fewer than a hundred walk-in visitors a day. */
export function useTodaysTickets(code: string) {
  return useQuery({ ...ticketsQueryOptions(code, { page: 1, perPage: 100 }), staleTime: 0, refetchInterval: 60_000 });
}
