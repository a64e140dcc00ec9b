import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeConsultation } from '../utils/cache';

import { consultationKeys } from './query-keys';

export type AssignConsultationInput = { id: string; officerId: string };

/** Assigns or transfers a consultation to an officer of its unit (the unit's supervisor). */
export function assignConsultation({ id, officerId }: AssignConsultationInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/assign', { params: { path: { id } }, body: { officer_id: officerId } }),
  );
}

export function useAssignConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignConsultation,
    onSuccess: async (view) => {
      await storeConsultation(queryClient, view);
      await queryClient.invalidateQueries({ queryKey: consultationKeys.detail(view.id) });
    },
  });
}
