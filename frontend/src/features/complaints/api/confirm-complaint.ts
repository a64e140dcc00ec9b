import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { complaintKeys } from './query-keys';

/** Confirms an anonymous complaint with the token of its emailed link. */
export function confirmComplaint(token: string) {
  return unwrap(api.POST('/api/v1/complaints/confirm', { body: { token } }));
}

export function useConfirmComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmComplaint,
    onSuccess: (tracking) => queryClient.setQueryData(complaintKeys.tracking(tracking.tracking_code), tracking),
  });
}
