import { useParams } from 'react-router';

import { RatingDetail } from '@/features/ratings/components/rating-detail';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** One rating with its respondent and follow-up, for the unit's staff. */
export function StaffRatingRoute() {
  const { id = '' } = useParams();
  const { user } = useUser();
  if (!user) return null;
  return <UnitsGate>{(units) => <RatingDetail key={id} ratingId={id} viewer={user} units={units} />}</UnitsGate>;
}
