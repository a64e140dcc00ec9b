import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

import { consultationKeys } from './query-keys';

export type CreateReferralInput = { id: string } & components['schemas']['ReferralRequest'];

/** Records a referral to another PST service. */
export function createReferral({ id, ...body }: CreateReferralInput) {
  return unwrap(api.POST('/api/v1/consultations/{id}/referrals', { params: { path: { id } }, body }));
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: consultationKeys.detail(id) }),
  });
}
