import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { paths } from '@/config/paths';
import { useConsultation } from '@/features/consultations/api/get-consultation';
import { ConversationView } from '@/features/consultations/components/conversation-view';
import { allowedActions } from '@/features/consultations/utils/permissions';
import { staffQueryOptions } from '@/features/staff/api/get-staff';
import type { Me } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** The officers a supervisor may hand the consultation to: officers and supervisors of its unit. */
function useAssignableOfficers(id: string, viewer: Me | null) {
  const consultation = useConsultation(id);
  const unit = consultation.data?.unit_code;
  const mayAssign = Boolean(viewer && consultation.data && allowedActions(consultation.data, viewer).assign);
  const staff = useQuery({ ...staffQueryOptions({ unit, page: 1, perPage: 100 }), enabled: mayAssign && Boolean(unit) });
  if (!mayAssign || !staff.data) return undefined;
  return staff.data.items
    .filter((s) => s.role === 'officer' || s.role === 'supervisor')
    .map((s) => ({ id: s.id, full_name: s.full_name }));
}

export function StaffConsultationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  const officers = useAssignableOfficers(id, user);
  if (!user) return null;
  return (
    <UnitsGate>
      {(units) => (
        <ConversationView
          key={id}
          consultationId={id}
          viewer={user}
          units={units}
          officers={officers}
          back={{ to: paths.staffConsultations, label: t('consultations.detail.backToConsole') }}
        />
      )}
    </UnitsGate>
  );
}
