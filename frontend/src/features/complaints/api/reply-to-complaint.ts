import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ComplaintReplyRequest } from '@/lib/api/types';

import { complaintKeys } from './query-keys';

export type ReplyInput = { code: string } & ComplaintReplyRequest;

/** The complainant answers the unit's response: a reply, or "resolved" (which closes it). */
export function replyToComplaint({ code, ...body }: ReplyInput) {
  return unwrap(
    api.POST('/api/v1/complaints/track/{tracking_code}/replies', { params: { path: { tracking_code: code } }, body }),
  );
}

export function useReplyToComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replyToComplaint,
    onSuccess: (tracking) => queryClient.setQueryData(complaintKeys.tracking(tracking.tracking_code), tracking),
  });
}
