import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** Ends the unit's day: tickets still waiting become `not_served` (supervisor). */
export function closeDay(unitCode: string) {
  return unwrap(api.POST('/api/v1/units/{code}/walkin/close-day', { params: { path: { code: unitCode } } }));
}

export function useCloseDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeDay,
    onSettled: (_closed, _error, unitCode) => queryClient.invalidateQueries({ queryKey: walkinKeys.unit(unitCode) }),
  });
}
