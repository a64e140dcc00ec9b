import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** A visitor's own ticket, opened with the key of its link or QR code (no login). */
export function getVisitorTicket(id: string, key: string) {
  return unwrap(api.GET('/api/v1/walkin/tickets/{id}', { params: { path: { id }, query: { key } } }));
}

export const visitorTicketQueryOptions = (id: string, key: string) =>
  queryOptions({ queryKey: walkinKeys.visitorTicket(id), queryFn: () => getVisitorTicket(id, key) });

export function useVisitorTicket(id: string, key: string) {
  return useQuery({ ...visitorTicketQueryOptions(id, key), enabled: Boolean(key) });
}
