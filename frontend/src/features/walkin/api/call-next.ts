import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeTickets } from '../utils/cache';

import { walkinKeys } from './query-keys';

/** Calls the next visitor to a desk; 409 `desk_busy` while the desk holds one, 404 `queue_empty`. */
export function callNext({ unitCode, desk }: { unitCode: string; desk: string }) {
  return unwrap(api.POST('/api/v1/units/{code}/walkin/call-next', { params: { path: { code: unitCode } }, body: { desk } }));
}

export function useCallNext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: callNext,
    onSuccess: (ticket) => storeTickets(queryClient, [ticket]),
    onSettled: (_ticket, _error, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) }),
  });
}
