import { Alert, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconBellRinging, IconInfoCircle, IconMapPin } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formatDateTime } from '@/lib/format/date-time';
import type { SocketFactory } from '@/lib/realtime/client';
import { openFeed, socketUrl, type FeedStatus } from '@/lib/realtime/feed';

import { useVisitorTicket } from '../api/get-visitor-ticket';
import { walkinKeys } from '../api/query-keys';
import { ticketFromFrame } from '../utils/live-events';

import { LiveBadge } from './live-badge';
import { VisitRating } from './visit-rating';

type TicketTrackerProps = {
  ticketId: string;
  ticketKey: string;
  /** The ticket's unit, once known (its name and the zone its times are shown in). */
  unit: { name: string; timeZone: string } | null;
  createSocket?: SocketFactory;
};

/** How many tickets ahead count as "your turn is near". */
export const NEAR_TURN_AHEAD = 2;

const statusColors: Record<string, string> = {
  waiting: 'blue',
  called: 'green',
  serving: 'green',
  finished: 'gray',
  no_show: 'red',
  transferred: 'violet',
  cancelled: 'gray',
  not_served: 'red',
};

/** A visitor's own queue ticket on their phone, live from the ticket's WebSocket. */
export function TicketTracker({ ticketId, ticketKey, unit, createSocket }: TicketTrackerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ticket = useVisitorTicket(ticketId, ticketKey);
  const [status, setStatus] = useState<FeedStatus>('connecting');

  useEffect(() => {
    if (!ticketKey) return;
    return openFeed({
      url: socketUrl(`/api/v1/walkin/tickets/${encodeURIComponent(ticketId)}/live?key=${encodeURIComponent(ticketKey)}`),
      createSocket,
      onStatus: setStatus,
      onMessage: (frame) => {
        const view = ticketFromFrame(frame, ticketId);
        if (view) queryClient.setQueryData(walkinKeys.visitorTicket(ticketId), view);
      },
    });
  }, [ticketId, ticketKey, createSocket, queryClient]);

  if (!ticketKey) return <Alert color="red">{t('walkin.ticket.noKey')}</Alert>;
  if (ticket.isPending) return <Skeleton h={240} />;
  if (!ticket.data) return <ErrorAlert error={ticket.error} />;

  const view = ticket.data;
  const timeZone = unit?.timeZone ?? 'Asia/Jakarta';
  const waiting = view.status === 'waiting';
  const near = waiting && view.ahead !== null && view.ahead !== undefined && view.ahead <= NEAR_TURN_AHEAD;

  return (
    <Stack gap="md" maw={520} mx="auto">
      <Group justify="space-between">
        <Text c="dimmed">{unit?.name ?? view.unit_code}</Text>
        <LiveBadge status={status} />
      </Group>
      <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="ticket-number">
        <Stack gap={4} align="center" ta="center">
          <Text c="dimmed">{t('walkin.ticket.yourNumber')}</Text>
          <Title order={1} id="ticket-number" fz={72} ff="monospace" lh={1}>
            {view.number}
          </Title>
          <Text fw={600}>{view.service_name}</Text>
          <Badge size="lg" color={statusColors[view.status] ?? 'gray'} mt="xs">
            {t(`walkin.status.${view.status}`)}
          </Badge>
        </Stack>
      </Card>

      <div aria-live="polite">
        {(view.status === 'called' || view.status === 'serving') && view.desk && (
          <Alert color="green" icon={<IconMapPin />} title={t('walkin.ticket.calledTitle')} radius="lg">
            <Text fz={28} fw={800}>
              {t('walkin.board.goTo', { desk: view.desk.name })}
            </Text>
          </Alert>
        )}
        {near && (
          <Alert color="orange" icon={<IconBellRinging />} title={t('walkin.ticket.nearTitle')} radius="lg">
            {t('walkin.ticket.nearBody')}
          </Alert>
        )}
        {view.status === 'transferred' && view.transferred_to && (
          <Alert color="violet" icon={<IconInfoCircle />} radius="lg">
            {t('walkin.ticket.transferredTo', { number: view.transferred_to.number })}
          </Alert>
        )}
      </div>

      {waiting && (
        <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('walkin.ticket.queueTitle')}>
          <Group grow align="flex-start">
            <Stack gap={0} align="center">
              <Text c="dimmed" size="sm">{t('walkin.ticket.position')}</Text>
              <Text fz={32} fw={700}>{view.position ?? '—'}</Text>
            </Stack>
            <Stack gap={0} align="center">
              <Text c="dimmed" size="sm">{t('walkin.ticket.aheadLabel')}</Text>
              <Text fz={32} fw={700}>{view.ahead ?? '—'}</Text>
            </Stack>
            <Stack gap={0} align="center">
              <Text c="dimmed" size="sm">{t('walkin.ticket.estimate')}</Text>
              <Text fz={32} fw={700}>
                {view.estimated_wait_minutes === null || view.estimated_wait_minutes === undefined
                  ? '—'
                  : t('walkin.ticket.minutes', { count: view.estimated_wait_minutes })}
              </Text>
            </Stack>
          </Group>
        </Card>
      )}

      {view.status === 'finished' && <FinishedVisitRating ticketId={ticketId} ticketKey={ticketKey} rated={view.rated} />}

      <Text size="sm" c="dimmed" ta="center">
        {t('walkin.ticket.takenAt', { time: formatDateTime(view.taken_at, timeZone) })}
      </Text>
    </Stack>
  );
}

/**
 * The survey once the visit is finished and not yet rated. Mounted for the whole finished visit,
 * so the thanks stay after the ticket turns rated.
 */
function FinishedVisitRating({ ticketId, ticketKey, rated }: { ticketId: string; ticketKey: string; rated: boolean }) {
  const [wasRated] = useState(rated);
  if (wasRated) return null;
  return <VisitRating ticketId={ticketId} proof={{ key: ticketKey }} />;
}
