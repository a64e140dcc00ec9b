import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeTickets } from '../utils/cache';

import { walkinKeys } from './query-keys';

/** Ends the service of the desk's visitor, with the officer's note. */
export function finishTicket({ id, note }: { id: string; note: string; unitCode: string }) {
  return unwrap(
    api.POST('/api/v1/walkin/tickets/{id}/finish', { params: { path: { id } }, body: { note: note.trim() || null } }),
  );
}

export function useFinishTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: finishTicket,
    onSuccess: (ticket) => storeTickets(queryClient, [ticket]),
    onSettled: (_ticket, _error, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) }),
  });
}
