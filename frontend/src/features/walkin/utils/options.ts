import { everyValueOf } from '@/lib/api/enums';
import { requestLimits } from '@/lib/api/limits.gen';
import type { IdType, Ticket, TicketPriority, TicketStatus } from '@/lib/api/types';

/** The API's enums, in the order people see them. */
export const priorities = everyValueOf<TicketPriority>()(['elderly', 'disability', 'pregnant', 'child']);

export const idTypes = everyValueOf<IdType>()(['ktp', 'sim', 'paspor', 'kitas', 'lainnya']);

export const ticketStatuses = everyValueOf<TicketStatus>()([
  'waiting',
  'called',
  'serving',
  'finished',
  'no_show',
  'transferred',
  'cancelled',
  'not_served',
]);

/** Statuses in which a desk holds the ticket. */
export const atDesk = (ticket: Pick<Ticket, 'status'>) => ticket.status === 'called' || ticket.status === 'serving';

/** Choices the guest book offers for its free-text fields, so the unit's figures group cleanly. */
export const educationLevels = ['sd', 'smp', 'sma', 'd1-d3', 'd4-s1', 's2', 's3'] as const;
export const genders = ['female', 'male'] as const;
export const ageGroups = ['<18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

export const guestbookLimits = requestLimits.GuestbookRequest;
