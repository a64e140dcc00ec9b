import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

import { staffQueryKey } from './get-staff';

export type CreateStaffInput = components['schemas']['CreateStaffRequest'];

export function createStaff(input: CreateStaffInput) {
  return unwrap(api.POST('/api/v1/staff', { body: input }));
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
