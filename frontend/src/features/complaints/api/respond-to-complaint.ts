import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { storeComplaint } from './store-complaint';

/** The unit's response to the complainant, emailed and shown on the tracking page. */
export function respondToComplaint({ id, body }: { id: string; body: string }) {
  return unwrap(api.POST('/api/v1/complaints/{id}/responses', { params: { path: { id } }, body: { body } }));
}

export function useRespondToComplaint() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: respondToComplaint, onSuccess: (detail) => storeComplaint(queryClient, detail) });
}
