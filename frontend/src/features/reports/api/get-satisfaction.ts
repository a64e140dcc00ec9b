import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { SatisfactionReport } from '@/lib/api/types';

import { reportKeys, reportQuery, type ReportParams } from './query-keys';

/** SKM figures of the period: respondents, NRR per element, IKM and grade, per channel and unit. */
export async function getSatisfactionReport(params: ReportParams): Promise<SatisfactionReport> {
  // Without `format=csv` the answer is the JSON report, not the CSV text the spec also allows.
  return (await unwrap(api.GET('/api/v1/reports/satisfaction', { params: { query: reportQuery(params) } }))) as SatisfactionReport;
}

export const satisfactionQueryOptions = (params: ReportParams) =>
  queryOptions({ queryKey: reportKeys.satisfaction(params), queryFn: () => getSatisfactionReport(params) });

export function useSatisfactionReport(params: ReportParams) {
  return useQuery({ ...satisfactionQueryOptions(params), placeholderData: keepPreviousData });
}
