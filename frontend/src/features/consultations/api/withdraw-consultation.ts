import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeConsultation } from '../utils/cache';

/** Withdraws one's own consultation while it waits or runs. */
export function withdrawConsultation(id: string) {
  return unwrap(api.POST('/api/v1/consultations/{id}/withdraw', { params: { path: { id } } }));
}

export function useWithdrawConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawConsultation,
    onSuccess: (view) => storeConsultation(queryClient, view),
  });
}
