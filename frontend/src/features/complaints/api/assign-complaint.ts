import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeComplaint } from './store-complaint';

/** Gives the complaint to an officer or supervisor of the unit (null: nobody). */
export function assignComplaint({ id, assigneeId }: { id: string; assigneeId: string | null }) {
  return unwrap(
    api.POST('/api/v1/complaints/{id}/assign', { params: { path: { id } }, body: { assignee_id: assigneeId } }),
  );
}

export function useAssignComplaint() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: assignComplaint, onSuccess: (detail) => storeComplaint(queryClient, detail) });
}
