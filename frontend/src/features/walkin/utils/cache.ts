import type { QueryClient } from '@tanstack/react-query';

import type { Ticket, TicketPage } from '@/lib/api/types';

import { walkinKeys } from '../api/query-keys';

/**
 * Puts a ticket the server just answered with into every cached list of its unit, so the console
 * shows the move at once; the lists are then fetched again for what else changed.
 */
export function storeTickets(queryClient: QueryClient, tickets: Ticket[]) {
  for (const ticket of tickets) {
    queryClient.setQueriesData<TicketPage>({ queryKey: walkinKeys.tickets(ticket.unit_code) }, (page) => {
      if (!page) return page;
      const known = page.items.some((item) => item.id === ticket.id);
      return known
        ? { ...page, items: page.items.map((item) => (item.id === ticket.id ? ticket : item)) }
        : { ...page, items: [...page.items, ticket], total: page.total + 1 };
    });
  }
}
