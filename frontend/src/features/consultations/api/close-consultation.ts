import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

import { storeConsultation } from '../utils/cache';

export type CloseConsultationInput = { id: string } & components['schemas']['CloseRequest'];

/** Closes with a resolution (`answered`, `referred` or `cancelled`) and an optional summary. */
export function closeConsultation({ id, ...body }: CloseConsultationInput) {
  return unwrap(api.POST('/api/v1/consultations/{id}/close', { params: { path: { id } }, body }));
}

export function useCloseConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeConsultation,
    onSuccess: (view) => storeConsultation(queryClient, view),
  });
}
