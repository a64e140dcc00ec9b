import type { Category, ConsultationChannel, ConsultationStatus } from '@/lib/api/types';

export type ConsultationListQuery = {
  status?: ConsultationStatus;
  category?: Category;
  /** Only those assigned to the caller (staff). */
  mine?: boolean;
  q?: string;
  channel?: ConsultationChannel;
  /** Opened within these days (`YYYY-MM-DD`, inclusive) on the clock of `unit`, as a report counts them. */
  from?: string;
  to?: string;
  /** Staff of an upper unit: only this unit's. */
  unit?: string;
  page: number;
  perPage: number;
};

export const consultationKeys = {
  all: ['consultations'] as const,
  lists: () => [...consultationKeys.all, 'list'] as const,
  list: (query: ConsultationListQuery) => [...consultationKeys.lists(), query] as const,
  details: () => [...consultationKeys.all, 'detail'] as const,
  detail: (id: string) => [...consultationKeys.details(), id] as const,
  allMessages: () => [...consultationKeys.all, 'messages'] as const,
  messages: (id: string) => [...consultationKeys.allMessages(), id] as const,
};
