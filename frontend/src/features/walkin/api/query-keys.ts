export type TicketListQuery = { status?: string; date?: string; page: number; perPage: number };

export const walkinKeys = {
  all: ['walkin'] as const,
  unit: (code: string) => [...walkinKeys.all, 'unit', code] as const,
  services: (code: string) => [...walkinKeys.unit(code), 'services'] as const,
  desks: (code: string) => [...walkinKeys.unit(code), 'desks'] as const,
  board: (code: string) => [...walkinKeys.unit(code), 'board'] as const,
  tickets: (code: string) => [...walkinKeys.unit(code), 'tickets'] as const,
  ticketList: (code: string, query: TicketListQuery) => [...walkinKeys.tickets(code), query] as const,
  stats: (code: string, date: string | undefined) => [...walkinKeys.unit(code), 'stats', date ?? 'today'] as const,
  kioskTokens: (code: string) => [...walkinKeys.unit(code), 'kiosk-tokens'] as const,
  guestbook: (code: string) => [...walkinKeys.unit(code), 'guestbook'] as const,
  guestbookLookup: (code: string, lookup: GuestbookLookup) => [...walkinKeys.guestbook(code), lookup] as const,
  visitorTicket: (id: string) => [...walkinKeys.all, 'visitor-ticket', id] as const,
};

export type GuestbookLookup = { email?: string; idNumber?: string; date?: string };
