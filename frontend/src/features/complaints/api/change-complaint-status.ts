import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ComplaintStatusRequest } from '@/lib/api/types';

import { storeComplaint } from './store-complaint';

/** A status change by the unit's staff: verify, take up, reject, forward or close. */
export function changeComplaintStatus({ id, ...body }: { id: string } & ComplaintStatusRequest) {
  return unwrap(api.POST('/api/v1/complaints/{id}/status', { params: { path: { id } }, body }));
}

export function useChangeComplaintStatus() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changeComplaintStatus, onSuccess: (detail) => storeComplaint(queryClient, detail) });
}
