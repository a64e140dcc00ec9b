import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeTickets } from '../utils/cache';

import { walkinKeys } from './query-keys';

/** The moves of a ticket at a desk that take no input; 409 `ticket_state` when its status forbids it. */
export type TicketAction = 'recall' | 'start' | 'no-show' | 'cancel';

export function ticketAction({ id, action }: { id: string; action: TicketAction; unitCode: string }) {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'recall':
      return unwrap(api.POST('/api/v1/walkin/tickets/{id}/recall', params));
    case 'start':
      return unwrap(api.POST('/api/v1/walkin/tickets/{id}/start', params));
    case 'no-show':
      return unwrap(api.POST('/api/v1/walkin/tickets/{id}/no-show', params));
    case 'cancel':
      return unwrap(api.POST('/api/v1/walkin/tickets/{id}/cancel', params));
  }
}

export function useTicketAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ticketAction,
    onSuccess: (ticket) => storeTickets(queryClient, [ticket]),
    onSettled: (_ticket, _error, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) }),
  });
}
