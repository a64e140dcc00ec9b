import type { ComplaintIntake, ComplaintKind, ComplaintStatus } from '@/lib/api/types';

/** The staff list's filters, as `GET /api/v1/complaints` takes them. */
export type ComplaintListQuery = {
  unit?: string;
  status?: ComplaintStatus;
  kind?: ComplaintKind;
  channel?: ComplaintIntake;
  overdue?: boolean;
  /** Came in within these days (`YYYY-MM-DD`, inclusive) on the unit's clock. */
  from?: string;
  to?: string;
  page: number;
  perPage: number;
};

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (query: ComplaintListQuery) => [...complaintKeys.lists(), query] as const,
  detail: (id: string) => [...complaintKeys.all, 'detail', id] as const,
  tracking: (code: string) => [...complaintKeys.all, 'tracking', code] as const,
};
