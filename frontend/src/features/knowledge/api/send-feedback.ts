import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type SendFeedbackInput = { slug: string } & components['schemas']['VoteRequest'];

/** "This answered my question" / "I still need help", on the article's page or in the new-consultation form. */
export function sendFeedback({ slug, ...body }: SendFeedbackInput) {
  return unwrap(api.POST('/api/v1/knowledge/articles/{id}/feedback', { params: { path: { id: slug } }, body }));
}

export function useSendFeedback() {
  return useMutation({ mutationFn: sendFeedback });
}
