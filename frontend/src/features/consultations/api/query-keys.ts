import type { Category, ConsultationStatus } from '@/lib/api/types';

export type ConsultationListQuery = {
  status?: ConsultationStatus;
  category?: Category;
  /** Only those assigned to the caller (staff). */
  mine?: boolean;
  q?: string;
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
