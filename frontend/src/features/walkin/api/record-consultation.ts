import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { DeskConsultationRequest, TicketPage } from '@/lib/api/types';

import { walkinKeys } from './query-keys';

export type RecordConsultation = { ticketId: string; unitCode: string; consultation: DeskConsultationRequest };

/**
 * Records the consultation held at a desk for a visit being served or finished: 409
 * `guestbook_required` until the front office has the visitor in the guest book, 409
 * `consultation_recorded` the second time.
 */
export function recordConsultation({ ticketId, consultation }: RecordConsultation) {
  return unwrap(
    api.POST('/api/v1/walkin/tickets/{id}/consultation', { params: { path: { id: ticketId } }, body: consultation }),
  );
}

export function useRecordConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordConsultation,
    // The answer is the consultation, not the ticket: link them in the cached lists at once, so the
    // desk stops offering to record it, then fetch the lists again.
    onSuccess: (recorded, { ticketId, unitCode }) =>
      queryClient.setQueriesData<TicketPage>({ queryKey: walkinKeys.tickets(unitCode) }, (page) =>
        page && { ...page, items: page.items.map((item) => (item.id === ticketId ? { ...item, consultation_id: recorded.id } : item)) },
      ),
    onSettled: (_recorded, _error, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) }),
  });
}
