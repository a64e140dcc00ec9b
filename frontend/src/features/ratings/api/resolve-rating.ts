import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeThread } from './store-thread';

/** An officer closes the follow-up with a note. */
export function resolveRating({ id, note }: { id: string; note: string }) {
  return unwrap(api.POST('/api/v1/ratings/{id}/resolve', { params: { path: { id } }, body: { note } }));
}

export function useResolveRating() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resolveRating, onSuccess: (thread) => storeThread(queryClient, thread) });
}
