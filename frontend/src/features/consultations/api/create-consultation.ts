import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import type { ConsultationDetail } from '@/lib/api/types';

import { consultationKeys } from './query-keys';

export type CreateConsultationInput = components['schemas']['CreateConsultationRequest'];

export function createConsultation(input: CreateConsultationInput) {
  return unwrap(api.POST('/api/v1/consultations', { body: input }));
}

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConsultation,
    onSuccess: async (created) => {
      // A consultation just opened has no follow-ups or referrals yet.
      queryClient.setQueryData<ConsultationDetail>(consultationKeys.detail(created.id), {
        ...created,
        follow_ups: [],
        referrals: [],
      });
      await queryClient.invalidateQueries({ queryKey: consultationKeys.lists() });
    },
  });
}
