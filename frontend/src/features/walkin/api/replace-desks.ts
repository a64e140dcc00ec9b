import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { WalkinDesk } from '@/lib/api/types';

import { walkinKeys } from './query-keys';

/**
 * Replaces the unit's desks (its supervisor, or an admin), in display order; those left out become
 * inactive. A desk may call only the unit's active services (`desks[1].services` otherwise).
 */
export function replaceDesks({ unitCode, desks }: { unitCode: string; desks: WalkinDesk[] }) {
  return unwrap(api.PUT('/api/v1/units/{code}/walkin/desks', { params: { path: { code: unitCode } }, body: { desks } }));
}

export function useReplaceDesks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceDesks,
    onSuccess: (saved, { unitCode }) => {
      queryClient.setQueryData(walkinKeys.desks(unitCode), saved);
      return queryClient.invalidateQueries({ queryKey: walkinKeys.board(unitCode) });
    },
  });
}
