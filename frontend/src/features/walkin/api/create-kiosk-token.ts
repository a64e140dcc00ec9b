import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** A new kiosk token; its secret is in this answer only. */
export function createKioskToken({ unitCode, name }: { unitCode: string; name: string }) {
  return unwrap(
    api.POST('/api/v1/units/{code}/walkin/kiosk-tokens', { params: { path: { code: unitCode } }, body: { name: name.trim() } }),
  );
}

export function useCreateKioskToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createKioskToken,
    onSuccess: (_token, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.kioskTokens(unitCode) }),
  });
}
