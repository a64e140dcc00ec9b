import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

/** The audit log's filters, as `GET /api/v1/audit` takes them (`from` inclusive, `to` exclusive, RFC 3339). */
export type AuditQuery = {
  unit?: string;
  actor_id?: string;
  from?: string;
  to?: string;
  page: number;
  perPage: number;
};

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => [...auditKeys.all, 'list', query] as const,
};

/** One page of the audit log, newest first. */
export function getAudit({ perPage, ...query }: AuditQuery) {
  return unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, per_page: perPage } } }));
}

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: auditKeys.list(query), queryFn: () => getAudit(query) });

export function useAudit(query: AuditQuery) {
  return useQuery({ ...auditQueryOptions(query), placeholderData: keepPreviousData });
}
