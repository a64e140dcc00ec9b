import { Alert, Anchor, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { isApiError } from '@/lib/api/problem';
import type { ConsultationDetail, Me, PersonRef, Rating } from '@/lib/api/types';

import { useConsultation } from '../api/get-consultation';
import { useMessages } from '../api/get-messages';
import { allowedActions, type AllowedActions } from '../utils/permissions';
import { nameOf, zoneOf, type UnitsByCode } from '../utils/unit-lookup';
import { useMarkConversationRead } from '../utils/use-mark-read';

import { Composer } from './composer';
import { ConsultationSummary } from './consultation-summary';
import { FollowUpsAndReferrals } from './follow-ups-and-referrals';
import { LinkedText } from './linked-text';
import { LiveStatus } from './live-status';
import { MessageList } from './message-list';
import { RatingSection } from './rating-form';
import { StaffActions } from './staff-actions';
import { TypingIndicator } from './typing-indicator';
import { WithdrawButton } from './withdraw-button';

type ConversationViewProps = {
  consultationId: string;
  viewer: Me;
  units: UnitsByCode;
  back: { to: string; label: string };
  /** Officers of the unit a supervisor may assign to. */
  officers?: PersonRef[];
  /** More for staff beside the actions (another feature's, composed by the page). */
  staffExtras?: (consultation: ConsultationDetail, timeZone: string) => ReactNode;
  /** The follow-up of the owner's rating, under the scores given (another feature's, composed by the page). */
  ratingFollowUp?: (rating: Rating, timeZone: string) => ReactNode;
};

/** Why the composer is missing, when it is. */
function WriteNote({ consultation: c, actions }: { consultation: ConsultationDetail; actions: AllowedActions }) {
  const { t } = useTranslation();
  let note: string;
  if (c.status === 'closed') note = t('consultations.detail.closedNote');
  else if (actions.claim) note = t('consultations.detail.claimToWrite');
  else if (actions.unitStaff) note = t('consultations.detail.assignedToOther');
  else note = t('consultations.detail.readOnly');
  return (
    <Text size="sm" c="dimmed">
      {note}
    </Text>
  );
}

function Conversation({ consultation: c, viewer, timeZone, actions }: { consultation: ConsultationDetail; viewer: Me; timeZone: string; actions: AllowedActions }) {
  const { t } = useTranslation();
  const messages = useMessages(c.id);
  useMarkConversationRead(c.id, messages.data, viewer.id, c.unread_count);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="conversation-title">
      <Title order={2} size="h4" id="conversation-title" mb="sm">
        {t('consultations.detail.conversation')}
      </Title>
      <Stack gap="sm">
        {messages.isPending && <Skeleton h={120} />}
        <ErrorAlert error={messages.error} />
        {messages.data && <MessageList messages={messages.data} viewerId={viewer.id} timeZone={timeZone} />}
        <TypingIndicator consultationId={c.id} />
        {!actions.write && <WriteNote consultation={c} actions={actions} />}
        {(actions.write || actions.note) && <Composer consultationId={c.id} canReply={actions.write} canNote={actions.note} />}
      </Stack>
    </Card>
  );
}

/** One consultation as its owner or the unit's staff see it, kept live by the WebSocket. */
export function ConversationView({ consultationId, viewer, units, back, officers, staffExtras, ratingFollowUp }: ConversationViewProps) {
  const { t } = useTranslation();
  const consultation = useConsultation(consultationId);

  const header = (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Anchor component={Link} to={back.to} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {back.label}
        </Group>
      </Anchor>
      <LiveStatus />
    </Group>
  );

  if (consultation.isPending) {
    return (
      <Stack>
        {header}
        <Skeleton h={160} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (consultation.isError) {
    return (
      <Stack>
        {header}
        {isApiError(consultation.error, 'not_found') ? (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('consultations.detail.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={consultation.error} />
        )}
      </Stack>
    );
  }

  const c = consultation.data;
  const timeZone = zoneOf(units, c.unit_code);
  const actions = allowedActions(c, viewer);
  const staffView = viewer.role !== 'public';

  return (
    <Stack gap="md">
      {header}
      <ConsultationSummary
        consultation={c}
        unitName={nameOf(units, c.unit_code)}
        timeZone={timeZone}
        showOwner={staffView}
        // Withdrawing ends the consultation: at its head, away from the composer's send button.
        actions={actions.withdraw ? <WithdrawButton consultationId={c.id} /> : undefined}
      />
      {c.status === 'waiting' && actions.owner && (
        <Alert color="yellow" icon={<IconInfoCircle />}>
          {t('consultations.detail.waitingNote')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: staffView ? 8 : 12 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="question-title">
              <Title order={2} size="h4" id="question-title" mb="xs">
                {t('consultations.detail.question')}
              </Title>
              <LinkedText text={c.question} />
            </Card>
            <Conversation consultation={c} viewer={viewer} timeZone={timeZone} actions={actions} />
            {actions.owner && c.status === 'closed' && (
              <RatingSection
                consultationId={c.id}
                rated={c.rated}
                rating={c.rating}
                followUp={ratingFollowUp && ((rating) => ratingFollowUp(rating, timeZone))}
              />
            )}
            {!staffView && <FollowUpsAndReferrals followUps={c.follow_ups} referrals={c.referrals} timeZone={timeZone} />}
          </Stack>
        </Grid.Col>
        {staffView && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <StaffActions consultation={c} actions={actions} timeZone={timeZone} officers={officers} />
              {staffExtras?.(c, timeZone)}
              <FollowUpsAndReferrals followUps={c.follow_ups} referrals={c.referrals} timeZone={timeZone} />
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
