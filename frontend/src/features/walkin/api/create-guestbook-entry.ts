import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { GuestbookRequest } from '@/lib/api/types';

import { walkinKeys } from './query-keys';

/** Writes a visitor into the unit's guest book (front office, officers). */
export function createGuestbookEntry({ unitCode, entry }: { unitCode: string; entry: GuestbookRequest }) {
  return unwrap(api.POST('/api/v1/units/{code}/guestbook', { params: { path: { code: unitCode } }, body: entry }));
}

export function useCreateGuestbookEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGuestbookEntry,
    onSuccess: (_entry, { unitCode }) => queryClient.invalidateQueries({ queryKey: walkinKeys.guestbook(unitCode) }),
  });
}
