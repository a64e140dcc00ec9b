import { paths } from '@/config/paths';
import type { Category, ConsultationChannel, ConsultationStatus } from '@/lib/api/types';

import type { ReportParams } from '../api/query-keys';

function withQuery(path: string, query: Record<string, string | null | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The ratings behind a satisfaction figure: the same unit, days and channel. */
export function ratingsLink({ unit, from, to }: ReportParams, channel?: ConsultationChannel) {
  return withQuery(paths.staffRatings, { unit, from, to, channel });
}

/** The complaints behind a figure: the same unit and days, and a kind, channel or overdue ones. */
export function complaintsLink(
  { unit, from, to }: ReportParams,
  filter: { kind?: string; channel?: string; overdue?: boolean } = {},
) {
  return withQuery(paths.staffComplaints, { unit, from, to, kind: filter.kind, channel: filter.channel, overdue: filter.overdue ? 'true' : undefined });
}

/** The consultations behind a figure: the staff list's "all" tab, opened in the period, filtered. */
export function consultationsLink(
  { unit, from, to }: ReportParams,
  filter: { status?: ConsultationStatus; category?: Category; channel?: ConsultationChannel } = {},
) {
  return withQuery(paths.staffConsultations, { tab: 'all', unit, from, to, ...filter });
}
