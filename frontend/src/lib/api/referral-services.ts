import { everyValueOf } from './enums';
import type { ReferralService } from './types';

/** The other PST services a consultation may refer a visitor to, in the order people see them. */
export const referralServices = everyValueOf<ReferralService>()([
  'library',
  'data_purchase',
  'microdata',
  'activity_recommendation',
  'in_person_consultation',
  'other',
]);
