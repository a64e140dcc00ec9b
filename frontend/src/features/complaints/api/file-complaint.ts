import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ComplaintRequest } from '@/lib/api/types';

import { complaintKeys } from './query-keys';

/** Files a complaint (the public, on the web) or records one from another channel (the unit's staff). */
export function fileComplaint(body: ComplaintRequest) {
  return unwrap(api.POST('/api/v1/complaints', { body }));
}

export function useFileComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileComplaint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.lists() }),
  });
}
