import { Alert, Anchor, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { FollowUpStateBadge } from '@/components/rating/follow-up-state-badge';
import { SkmScoreList } from '@/components/rating/skm-scores';
import { paths } from '@/config/paths';
import { requestLimits } from '@/lib/api/limits.gen';
import { isApiError } from '@/lib/api/problem';
import type { Me, RatingThread, Unit } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useRating } from '../api/get-rating';
import { useResolveRating } from '../api/resolve-rating';
import { useSendFollowUp } from '../api/send-follow-up';
import { mayFollowUp } from '../utils/permissions';

import { FollowUpThread } from './follow-up-thread';
import { MessageForm } from './message-form';
import { RatingSubject } from './rating-subject';

const FALLBACK_ZONE = 'Asia/Jakarta';

function Respondent({ thread }: { thread: RatingThread }) {
  const { t } = useTranslation();
  const r = thread.respondent;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('ratingDesk.detail.respondent')}>
      <Title order={2} size="h5" mb="xs">
        {t('ratingDesk.detail.respondent')}
      </Title>
      {r ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {r.full_name}
          </Text>
          <Anchor href={`mailto:${r.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {r.email}
          </Anchor>
          {r.phone && <Text size="sm">{r.phone}</Text>}
          {r.institution && (
            <Text size="sm" c="dimmed">
              {r.institution}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('ratingDesk.detail.respondentUnknown')}
        </Text>
      )}
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md">
        {t('ratingDesk.detail.subject')}
      </Text>
      <RatingSubject entry={thread} />
    </Card>
  );
}

function Actions({ thread }: { thread: RatingThread }) {
  const { t } = useTranslation();
  const send = useSendFollowUp();
  const resolve = useResolveRating();
  if (thread.follow_up_state === 'resolved') return null;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md" component="section" aria-label={t('ratingDesk.followUp.title')}>
        <Title order={2} size="h5">
          {t('ratingDesk.followUp.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('ratingDesk.followUp.lead')}
        </Text>
        <MessageForm
          field="message"
          label={t('ratingDesk.followUp.message')}
          submitLabel={t('ratingDesk.followUp.submit')}
          limits={requestLimits.RatingFollowUpRequest.message}
          pending={send.isPending}
          error={send.error}
          onSubmit={(message, { onSuccess, onError }) =>
            send.mutate(
              { id: thread.id, message },
              {
                onSuccess: () => {
                  onSuccess();
                  notifications.show({ color: 'green', message: t('ratingDesk.followUp.sent'), closeButtonProps: { 'aria-label': t('ratingDesk.closeNotice') } });
                },
                onError,
              },
            )
          }
        />
      </Card>
      {(thread.follow_up_state === 'open' || thread.follow_up_state === 'contacted') && (
        <Card withBorder radius="md" padding="md" component="section" aria-label={t('ratingDesk.resolve.title')}>
          <Title order={2} size="h5" mb="sm">
            {t('ratingDesk.resolve.title')}
          </Title>
          <MessageForm
            field="note"
            label={t('ratingDesk.resolve.note')}
            description={t('ratingDesk.resolve.noteHint')}
            submitLabel={t('ratingDesk.resolve.submit')}
            limits={requestLimits.RatingResolveRequest.note}
            pending={resolve.isPending}
            error={resolve.error}
            onSubmit={(note, { onSuccess, onError }) =>
              resolve.mutate(
                { id: thread.id, note },
                {
                  onSuccess: () => {
                    onSuccess();
                    notifications.show({ color: 'green', message: t('ratingDesk.resolve.done'), closeButtonProps: { 'aria-label': t('ratingDesk.closeNotice') } });
                  },
                  onError,
                },
              )
            }
          />
        </Card>
      )}
    </Stack>
  );
}

type RatingDetailProps = { ratingId: string; viewer: Me; units: ReadonlyMap<string, Unit> };

/** One rating for the unit's staff: the nine scores in the questionnaire's words, the comment, the respondent and the follow-up. */
export function RatingDetail({ ratingId, viewer, units }: RatingDetailProps) {
  const { t } = useTranslation();
  const rating = useRating(ratingId);
  const back = (
    <Anchor component={Link} to={paths.staffRatings} size="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('ratingDesk.detail.back')}
      </Group>
    </Anchor>
  );
  if (rating.isPending) {
    return (
      <Stack>
        {back}
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (rating.isError) {
    return (
      <Stack>
        {back}
        {isApiError(rating.error, 'not_found') ? (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('ratingDesk.detail.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={rating.error} />
        )}
      </Stack>
    );
  }
  const thread = rating.data;
  const timeZone = units.get(thread.unit_code)?.time_zone ?? FALLBACK_ZONE;
  const acts = mayFollowUp(viewer, thread.unit_code);
  return (
    <Stack gap="md">
      {back}
      <div>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1}>{t('ratingDesk.detail.heading', { number: thread.subject_number })}</Title>
          <FollowUpStateBadge state={thread.follow_up_state} />
        </Group>
        <Text c="dimmed" size="sm">
          {t('ratingDesk.detail.ratedAt', { date: formatDateTime(thread.created_at, timeZone) })}
          {' · '}
          {t(`consultations.channels.${thread.channel}`)}
          {' · '}
          {units.get(thread.unit_code)?.name ?? thread.unit_code}
        </Text>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md" component="section" aria-label={t('ratingDesk.detail.scores')}>
              <Title order={2} size="h5" mb="sm">
                {t('ratingDesk.detail.scores')}
              </Title>
              <SkmScoreList scores={thread.scores} />
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md">
                {t('ratingDesk.detail.comment')}
              </Text>
              <Text size="sm" c={thread.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {thread.comment ?? t('ratingDesk.noComment')}
              </Text>
            </Card>
            <FollowUpThread messages={thread.follow_ups} timeZone={timeZone} reader="staff" />
            {thread.resolved_at && (
              <Alert color="teal" title={t('ratingDesk.detail.resolvedAt', { date: formatDateTime(thread.resolved_at, timeZone) })}>
                <Text size="xs" fw={600}>
                  {t('ratingDesk.detail.resolvedNote')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {thread.resolution_note}
                </Text>
              </Alert>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Respondent thread={thread} />
            {thread.contacted_at && (
              <Text size="sm" c="dimmed">
                {t('ratingDesk.detail.contactedAt', { date: formatDateTime(thread.contacted_at, timeZone) })}
              </Text>
            )}
            {acts ? (
              <Actions thread={thread} />
            ) : (
              <Alert color="gray" icon={<IconInfoCircle />}>
                {t('ratingDesk.detail.readOnly')}
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
