import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { ConversationView } from '@/features/consultations/components/conversation-view';
import { OwnerFollowUp } from '@/features/ratings/components/owner-follow-up';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';

import { UnitsGate } from './units-gate';

/** A member of the public's own consultation (the link in the emails leads here). */
export function ConsultationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  if (!user) return null;
  if (isStaffRole(user.role)) return <Navigate to={paths.staffConsultation(id)} replace />;
  return (
    <UnitsGate>
      {(units) => (
        <ConversationView
          key={id}
          consultationId={id}
          viewer={user}
          units={units}
          back={{ to: paths.consultations, label: t('consultations.detail.backToMine') }}
          ratingFollowUp={(rating, timeZone) => <OwnerFollowUp rating={rating} timeZone={timeZone} />}
        />
      )}
    </UnitsGate>
  );
}
