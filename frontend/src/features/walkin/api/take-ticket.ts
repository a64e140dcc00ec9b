import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TicketPriority } from '@/lib/api/types';
import { session } from '@/lib/auth/session';

import { walkinKeys } from './query-keys';

export type TakeTicket = { unitCode: string; service: string; priority: TicketPriority | null; kioskToken?: string | null };

/**
 * Takes a queue number. A signed-in member of staff takes it with their own session; a kiosk
 * with nobody signed in sends its kiosk token as the bearer token instead.
 */
export function takeTicket({ unitCode, service, priority, kioskToken }: TakeTicket) {
  const headers = !session.get() && kioskToken ? { Authorization: `Bearer ${kioskToken}` } : undefined;
  return unwrap(
    api.POST('/api/v1/units/{code}/walkin/tickets', {
      params: { path: { code: unitCode } },
      body: { service, priority },
      headers,
    }),
  );
}

export function useTakeTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: takeTicket,
    onSuccess: (ticket) => queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(ticket.unit_code) }),
  });
}
