import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { RatingRequest, Ticket } from '@/lib/api/types';

import { walkinKeys } from './query-keys';

/** How the visitor proves the visit is theirs: the emailed link's token, or the ticket's tracking key. */
export type VisitProof = { token: string } | { key: string };

export type RateVisitInput = { id: string; proof: VisitProof } & RatingRequest;

/** A visitor rates a finished walk-in visit, once, without an account (SKM: nine elements, 1–4). */
export function rateVisit({ id, proof, ...body }: RateVisitInput) {
  return unwrap(api.POST('/api/v1/walkin/tickets/{id}/rating', { params: { path: { id }, query: proof }, body }));
}

export function useRateVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rateVisit,
    onSuccess: (_rating, { id }) => {
      queryClient.setQueryData<Ticket>(walkinKeys.visitorTicket(id), (ticket) => (ticket ? { ...ticket, rated: true } : ticket));
    },
  });
}
