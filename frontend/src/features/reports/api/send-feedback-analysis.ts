import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { FeedbackReportRequest } from '@/lib/api/types';

/** Emails the period's feedback-analysis report (PDF) to the unit's supervisors. */
export function sendFeedbackAnalysis(body: FeedbackReportRequest) {
  return unwrap(api.POST('/api/v1/reports/feedback-analysis/send', { body }));
}

export function useSendFeedbackAnalysis() {
  return useMutation({ mutationFn: sendFeedbackAnalysis });
}
