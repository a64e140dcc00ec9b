import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeConsultation } from '../utils/cache';

/** Marks the request clear and complete: the deadline clock starts. */
export function clarifyConsultation(id: string) {
  return unwrap(api.POST('/api/v1/consultations/{id}/clarify', { params: { path: { id } } }));
}

export function useClarifyConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clarifyConsultation,
    onSuccess: (view) => storeConsultation(queryClient, view),
  });
}
