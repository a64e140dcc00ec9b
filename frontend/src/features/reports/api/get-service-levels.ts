import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ServiceLevelReport } from '@/lib/api/types';

import { reportKeys, reportQuery, type ReportParams } from './query-keys';

/** Deadlines kept online, walk-in waits and complaint deadlines of the period. */
export async function getServiceLevelReport(params: ReportParams): Promise<ServiceLevelReport> {
  // Without `format=csv` the answer is the JSON report, not the CSV text the spec also allows.
  return (await unwrap(api.GET('/api/v1/reports/service-levels', { params: { query: reportQuery(params) } }))) as ServiceLevelReport;
}

export const serviceLevelsQueryOptions = (params: ReportParams) =>
  queryOptions({ queryKey: reportKeys.serviceLevels(params), queryFn: () => getServiceLevelReport(params) });

export function useServiceLevelReport(params: ReportParams) {
  return useQuery({ ...serviceLevelsQueryOptions(params), placeholderData: keepPreviousData });
}
