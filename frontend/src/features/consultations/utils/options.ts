import { everyValueOf } from '@/lib/api/enums';
import { requestLimits } from '@/lib/api/limits.gen';
import type { FollowUpKind, Resolution } from '@/lib/api/types';

export { categories } from '@/lib/api/categories';
export { referralServices } from '@/lib/api/referral-services';

/** The API's enums, in the order people see them. */
export const closingResolutions = ['answered', 'referred', 'cancelled'] as const satisfies readonly Resolution[];

export const followUpKinds = everyValueOf<FollowUpKind>()(['in_person', 'video_meeting']);

/** The limits of the API's CreateConsultationRequest and PostMessageRequest (from the spec), and of attachments. */
export const limits = {
  subject: requestLimits.CreateConsultationRequest.subject,
  question: requestLimits.CreateConsultationRequest.question,
  message: requestLimits.PostMessageRequest.body,
  // Uploads are multipart and the spec states no size for them: the server's 10 MB, repeated here.
  attachmentBytes: 10 * 1024 * 1024,
} as const;

export const attachmentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/png',
  'image/jpeg',
];
