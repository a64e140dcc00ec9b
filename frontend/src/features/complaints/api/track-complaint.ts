import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { complaintKeys } from './query-keys';

/** A complaint's public progress, by its tracking code. */
export function trackComplaint(code: string) {
  return unwrap(api.GET('/api/v1/complaints/track/{tracking_code}', { params: { path: { tracking_code: code } } }));
}

export const trackedComplaintQueryOptions = (code: string) =>
  queryOptions({ queryKey: complaintKeys.tracking(code), queryFn: () => trackComplaint(code) });

export function useTrackedComplaint(code: string) {
  return useQuery({ ...trackedComplaintQueryOptions(code), enabled: code.length > 0 });
}
