import { everyValueOf } from '@/lib/api/enums';
import type { FollowUpKind, ReferralService, Resolution, Scores } from '@/lib/api/types';

export { categories } from '@/lib/api/categories';

/** The API's enums, in the order people see them. */
export const closingResolutions = ['answered', 'referred', 'cancelled'] as const satisfies readonly Resolution[];

export const followUpKinds = everyValueOf<FollowUpKind>()(['in_person', 'video_meeting']);

export const referralServices = everyValueOf<ReferralService>()([
  'library',
  'data_purchase',
  'microdata',
  'activity_recommendation',
  'in_person_consultation',
  'other',
]);

/** The nine SKM elements (PermenPANRB No. 14/2017), scored 1 (tidak baik) to 4 (sangat baik). */
export const skmElements = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const satisfies readonly (keyof Scores)[];

export const skmScores = ['1', '2', '3', '4'] as const;

/**
 * The limits of the API's CreateConsultationRequest, PostMessageRequest and attachments. The spec
 * does not state them yet (those it states are in `@/lib/api/limits.gen`), so they are repeated here.
 */
export const limits = {
  subject: { min: 3, max: 200 },
  question: { min: 10, max: 10_000 },
  message: 10_000,
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
