import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeConsultation } from '../utils/cache';

/** Takes a waiting consultation (an officer of the unit); 409 `already_claimed` when another was faster. */
export function claimConsultation(id: string) {
  return unwrap(api.POST('/api/v1/consultations/{id}/claim', { params: { path: { id } } }));
}

export function useClaimConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimConsultation,
    onSuccess: (view) => storeConsultation(queryClient, view),
  });
}
