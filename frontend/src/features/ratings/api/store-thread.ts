import type { QueryClient } from '@tanstack/react-query';

import type { RatingThread } from '@/lib/api/types';

import { ratingKeys } from './query-keys';

/**
 * A mutation's answer is the whole thread: shown at once, and the lists (whose follow-up states
 * changed) read again.
 */
export function storeThread(queryClient: QueryClient, thread: RatingThread) {
  queryClient.setQueryData(ratingKeys.detail(thread.id), thread);
  void queryClient.invalidateQueries({ queryKey: ratingKeys.lists() });
}
