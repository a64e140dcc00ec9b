import { Container } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';

import { useUnit } from '@/features/units/api/get-unit';
import { useVisitorTicket } from '@/features/walkin/api/get-visitor-ticket';
import { TicketTracker } from '@/features/walkin/components/ticket-tracker';

/** A visitor's queue ticket, opened from the link or QR code on the printed ticket. */
export function WalkinTicketRoute() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const key = search.get('key') ?? '';
  const ticket = useVisitorTicket(id, key);
  const unit = useUnit(ticket.data?.unit_code);
  return (
    <Container size="xs" py="lg" px="md">
      <TicketTracker
        ticketId={id}
        ticketKey={key}
        unit={unit.data ? { name: unit.data.name, timeZone: unit.data.time_zone } : null}
      />
    </Container>
  );
}
