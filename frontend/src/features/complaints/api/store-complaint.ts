import type { QueryClient } from '@tanstack/react-query';

import type { ComplaintDetail } from '@/lib/api/types';

import { complaintKeys } from './query-keys';

/** Keeps an action's answer as the complaint's detail and refreshes the lists it may move in. */
export async function storeComplaint(queryClient: QueryClient, detail: ComplaintDetail) {
  queryClient.setQueryData(complaintKeys.detail(detail.id), detail);
  await queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
}
