import { enumValues, requestLimits } from '@/lib/api/limits.gen';
import type { ComplaintIntake, ComplaintStatus } from '@/lib/api/types';

/** The API's enums, in the order people see them. */
export const complaintKinds = enumValues.ComplaintKind;
export const complaintIntakes = enumValues.ComplaintIntake;
/** The channels staff record a complaint from: every one but the web form the public uses. */
export const recordedIntakes = complaintIntakes.filter((c): c is Exclude<ComplaintIntake, 'web'> => c !== 'web');
/** The statuses staff see: an unconfirmed filing is not the unit's yet. */
export const deskStatuses = enumValues.ComplaintStatus.filter(
  (s): s is Exclude<ComplaintStatus, 'unconfirmed'> => s !== 'unconfirmed',
);

export const oneOf = <T extends string>(list: readonly T[], value: string | null | undefined): T | null =>
  list.find((v) => v === value) ?? null;

/** The limits of the API's complaint requests (from the spec). */
export const complaintLimits = {
  ...requestLimits.ComplaintRequest,
  reply: requestLimits.ComplaintReplyRequest.body,
  response: requestLimits.ComplaintResponseRequest.body,
  reason: requestLimits.ComplaintStatusRequest.reason,
  forwardedTo: requestLimits.ComplaintStatusRequest.forwarded_to,
} as const;

/** What the backend calls LAPOR! when a complaint is forwarded there. */
export const LAPOR = 'lapor';
