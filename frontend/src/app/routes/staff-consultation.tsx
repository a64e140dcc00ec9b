import { Card, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { useConsultation } from '@/features/consultations/api/get-consultation';
import { useMessages } from '@/features/consultations/api/get-messages';
import { ConversationView } from '@/features/consultations/components/conversation-view';
import { allowedActions } from '@/features/consultations/utils/permissions';
import { PromoteButton } from '@/features/knowledge/components/promote-button';
import { RatingCard } from '@/features/ratings/components/rating-card';
import { staffQueryOptions } from '@/features/staff/api/get-staff';
import type { ConsultationDetail, Me } from '@/lib/api/types';
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

/**
 * An answered consultation, or one marked for the knowledge base, can become a draft article: the
 * unit's officers pick the final answer from the conversation.
 */
function PromoteSection({ consultation: c, viewer, timeZone }: { consultation: ConsultationDetail; viewer: Me; timeZone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const messages = useMessages(c.id);
  const promotable = (c.status === 'closed' && c.resolution === 'answered') || c.to_index;
  if (!promotable || !allowedActions(c, viewer).unitStaff) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('knowledge.dashboard.title')}>
      <Title order={2} size="h5" mb="sm">
        {t('knowledge.dashboard.title')}
      </Title>
      <PromoteButton
        consultationId={c.id}
        messages={messages.data ?? []}
        timeZone={timeZone}
        onPromoted={(article) => {
          notifications.show({ color: 'green', message: t('knowledge.promote.done') });
          void navigate(paths.editArticle(article.slug));
        }}
      />
    </Card>
  );
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
          staffExtras={(c, timeZone) => (
            <>
              {c.rating && <RatingCard rating={c.rating} timeZone={timeZone} />}
              <PromoteSection consultation={c} viewer={user} timeZone={timeZone} />
            </>
          )}
        />
      )}
    </UnitsGate>
  );
}
