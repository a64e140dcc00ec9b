import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import type { ConsultationDetail } from '@/lib/api/types';

import { patchConsultation } from '../utils/cache';

import { consultationKeys } from './query-keys';

export type RateConsultationInput = { id: string } & components['schemas']['RatingRequest'];

/** The owner rates the service of a closed consultation, once (SKM: nine elements, 1–4). */
export function rateConsultation({ id, ...body }: RateConsultationInput) {
  return unwrap(api.POST('/api/v1/consultations/{id}/rating', { params: { path: { id } }, body }));
}

export function useRateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rateConsultation,
    onSuccess: (rating, { id }) => {
      patchConsultation(queryClient, id, (c) => ({ ...c, rated: true }));
      // The scores given are shown back at once, as the detail would have them.
      queryClient.setQueryData<ConsultationDetail>(consultationKeys.detail(id), (detail) => (detail ? { ...detail, rating } : detail));
    },
  });
}
