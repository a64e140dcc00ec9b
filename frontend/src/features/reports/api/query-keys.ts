import type { Interval } from '@/lib/api/types';

/** What every report is asked for: a unit, its local days, and whether the units below count too. */
export type ReportParams = { unit: string; from: string; to: string; includeChildren: boolean };

export const reportKeys = {
  all: ['reports'] as const,
  satisfaction: (params: ReportParams) => [...reportKeys.all, 'satisfaction', params] as const,
  serviceLevels: (params: ReportParams) => [...reportKeys.all, 'service-levels', params] as const,
  volumes: (params: ReportParams, interval: Interval) => [...reportKeys.all, 'volumes', params, interval] as const,
};

/** The query string the report endpoints share. */
export function reportQuery({ unit, from, to, includeChildren }: ReportParams) {
  return { unit, from, to, include_children: includeChildren };
}
