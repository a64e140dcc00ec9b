import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { WalkinService } from '@/lib/api/types';

import { walkinKeys } from './query-keys';

/**
 * Replaces the unit's walk-in services (its supervisor, or an admin), in display order; those left
 * out become inactive. Field errors name rows as `services[2].prefix`, duplicates as `services`.
 */
export function replaceServices({ unitCode, services }: { unitCode: string; services: WalkinService[] }) {
  return unwrap(api.PUT('/api/v1/units/{code}/walkin/services', { params: { path: { code: unitCode } }, body: { services } }));
}

export function useReplaceServices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceServices,
    onSuccess: (saved, { unitCode }) => {
      queryClient.setQueryData(walkinKeys.services(unitCode), saved);
      // A desk's services and the day's queues are shown by name: fetch what depends on them again.
      return queryClient.invalidateQueries({ queryKey: walkinKeys.unit(unitCode) });
    },
  });
}
