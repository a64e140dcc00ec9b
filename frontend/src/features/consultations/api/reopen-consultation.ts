import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeConsultation } from '../utils/cache';

/** Reopens a consultation closed in the last 7 days. */
export function reopenConsultation(id: string) {
  return unwrap(api.POST('/api/v1/consultations/{id}/reopen', { params: { path: { id } } }));
}

export function useReopenConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reopenConsultation,
    onSuccess: (view) => storeConsultation(queryClient, view),
  });
}
