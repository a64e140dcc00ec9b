import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeTickets } from '../utils/cache';

import { walkinKeys } from './query-keys';

/** Sends the desk's visitor to another service's queue: the answer holds the ended and the new ticket. */
export function transferTicket({ id, service }: { id: string; service: string; unitCode: string }) {
  return unwrap(api.POST('/api/v1/walkin/tickets/{id}/transfer', { params: { path: { id } }, body: { service } }));
}

export function useTransferTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transferTicket,
    onSuccess: (transfer) => storeTickets(queryClient, [transfer.from, transfer.to]),
    onSettled: (_transfer, _error, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) }),
  });
}
