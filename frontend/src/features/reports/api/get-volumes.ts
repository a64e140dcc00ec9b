import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Interval, VolumeReport } from '@/lib/api/types';

import { reportKeys, reportQuery, type ReportParams } from './query-keys';

/** Consultations (with their series per interval), tickets, complaints and knowledge-base use. */
export async function getVolumeReport(params: ReportParams, interval: Interval): Promise<VolumeReport> {
  // Without `format=csv` the answer is the JSON report, not the CSV text the spec also allows.
  return (await unwrap(api.GET('/api/v1/reports/volumes', { params: { query: { ...reportQuery(params), interval } } }))) as VolumeReport;
}

export const volumesQueryOptions = (params: ReportParams, interval: Interval) =>
  queryOptions({ queryKey: reportKeys.volumes(params, interval), queryFn: () => getVolumeReport(params, interval) });

export function useVolumeReport(params: ReportParams, interval: Interval) {
  return useQuery({ ...volumesQueryOptions(params, interval), placeholderData: keepPreviousData });
}
