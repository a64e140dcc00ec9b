import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** Revokes a kiosk token: the kiosk using it takes no more tickets. */
export function revokeKioskToken({ unitCode, id }: { unitCode: string; id: string }) {
  return unwrap(
    api.DELETE('/api/v1/units/{code}/walkin/kiosk-tokens/{id}', { params: { path: { code: unitCode, id } } }),
  );
}

export function useRevokeKioskToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeKioskToken,
    onSettled: (_none, _error, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.kioskTokens(unitCode) }),
  });
}
