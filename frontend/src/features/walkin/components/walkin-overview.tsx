import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDoorExit } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { useNow } from '@/lib/hooks/use-now';
import { formatTime } from '@/lib/format/date-time';

import { useCloseDay } from '../api/close-day';
import { useWalkinDesks } from '../api/get-desks';
import { useWalkinServices } from '../api/get-services';
import { useWalkinStats } from '../api/get-stats';
import { useTodaysTickets } from '../api/get-tickets';
import { walkinKeys } from '../api/query-keys';
import { formatMinutes } from '../utils/format';
import { atDesk } from '../utils/options';
import { useBoardFeed } from '../utils/use-board-feed';

import { KioskTokens } from './kiosk-tokens';
import { LiveBadge } from './live-badge';
import { RatedVisits } from './rated-visits';
import { StatsTable } from './stats-table';
import { WaitBadge } from './wait-badge';
import { WaitingList } from './waiting-list';

type WalkinOverviewProps = { unitCode: string; timeZone: string; maxWaitMinutes: number; canManage: boolean };

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** The supervisor's view of the unit's walk-in day: desks, queues, breaches, the visitors' ratings and figures. */
export function WalkinOverview({ unitCode, timeZone, maxWaitMinutes, canManage }: WalkinOverviewProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const desks = useWalkinDesks(unitCode);
  const services = useWalkinServices(unitCode);
  const tickets = useTodaysTickets(unitCode);
  const stats = useWalkinStats(unitCode);
  const closeDay = useCloseDay();
  const now = useNow(1_000);
  const [confirming, setConfirming] = useState(false);
  const live = useBoardFeed(unitCode, {
    onBoard: () => {
      void queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) });
      void queryClient.invalidateQueries({ queryKey: walkinKeys.stats(unitCode, undefined) });
    },
  });

  const all = tickets.data?.items ?? [];
  const breaches = all.filter((ticket) => ticket.breach);

  return (
    <Stack gap="lg">
      <Group justify="flex-end">
        <LiveBadge status={live} />
      </Group>
      <ErrorAlert error={tickets.error ?? desks.error} />

      <Section title={t('walkin.overview.desks')}>
        {desks.isPending || tickets.isPending ? (
          <Skeleton h={100} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {(desks.data ?? []).filter((d) => d.active).map((desk) => {
              const held = all.find((ticket) => ticket.desk?.code === desk.code && atDesk(ticket));
              return (
                <Card key={desk.code} withBorder radius="md" padding="md" aria-label={desk.name}>
                  <Text fw={600}>{desk.name}</Text>
                  {held ? (
                    <Group justify="space-between" mt={4}>
                      <div>
                        <Text fz={28} fw={800} ff="monospace">{held.number}</Text>
                        <Text size="sm" c="dimmed">{t(`walkin.status.${held.status}`)} · {held.service_name}</Text>
                      </div>
                      <WaitBadge since={held.started_at ?? held.called_at ?? held.taken_at} now={now} maxWaitMinutes={null} />
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed" mt={4}>{t('walkin.overview.deskFree')}</Text>
                  )}
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('walkin.overview.queues')}>
        {services.isPending || tickets.isPending ? (
          <Skeleton h={100} />
        ) : (
          <WaitingList services={services.data ?? []} tickets={all} now={now} maxWaitMinutes={maxWaitMinutes} />
        )}
      </Section>

      <Section title={t('walkin.overview.breaches', { max: maxWaitMinutes })}>
        {breaches.length === 0 ? (
          <Text c="dimmed">{t('walkin.overview.noBreaches')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('walkin.overview.number')}</Table.Th>
                  <Table.Th>{t('walkin.overview.desk')}</Table.Th>
                  <Table.Th>{t('walkin.overview.calledAt')}</Table.Th>
                  <Table.Th ta="right">{t('walkin.overview.waitMinutes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {breaches.map((ticket) => (
                  <Table.Tr key={ticket.id}>
                    <Table.Td ff="monospace">{ticket.number}</Table.Td>
                    <Table.Td>{ticket.desk?.name ?? '—'}</Table.Td>
                    <Table.Td>{ticket.called_at ? formatTime(ticket.called_at, timeZone) : '—'}</Table.Td>
                    <Table.Td ta="right">
                      <Badge color="red" leftSection={<IconAlertTriangle size={12} />}>{formatMinutes(ticket.standard_wait_minutes)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section title={t('ratingDesk.visits.title')}>
        {tickets.isPending ? <Skeleton h={80} /> : <RatedVisits tickets={all} timeZone={timeZone} />}
      </Section>

      <Section title={t('walkin.overview.figures')}>
        {stats.isPending ? (
          <Skeleton h={120} />
        ) : stats.data ? (
          <Stack>
            <StatsTable
              caption={t('walkin.overview.byService')}
              maxWaitMinutes={stats.data.max_wait_minutes}
              total={stats.data.total}
              rows={stats.data.services.map((s) => ({ ...s, key: s.service, name: s.name }))}
            />
            <StatsTable
              caption={t('walkin.overview.byDesk')}
              maxWaitMinutes={stats.data.max_wait_minutes}
              total={stats.data.total}
              rows={stats.data.desks.map((d) => ({ ...d, key: d.desk, name: d.name }))}
            />
          </Stack>
        ) : (
          <ErrorAlert error={stats.error} />
        )}
      </Section>

      {canManage && (
        <>
          <Section
            title={t('walkin.overview.closeDayTitle')}
            action={
              <Button color="red" variant="light" leftSection={<IconDoorExit size={16} />} onClick={() => setConfirming(true)}>
                {t('walkin.overview.closeDay')}
              </Button>
            }
          >
            <Text size="sm" c="dimmed">{t('walkin.overview.closeDayLead')}</Text>
            <ErrorAlert error={closeDay.error} />
          </Section>
          <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('walkin.overview.closeDayConfirmTitle')}>
            <Stack>
              <Alert color="orange">{t('walkin.overview.closeDayConfirm', { count: all.filter((ticket) => ticket.status === 'waiting').length })}</Alert>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
                <Button
                  color="red"
                  loading={closeDay.isPending}
                  onClick={() =>
                    closeDay.mutate(unitCode, {
                      onSuccess: ({ not_served }) => {
                        setConfirming(false);
                        notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'gray', message: t('walkin.overview.dayClosed', { count: not_served }) });
                      },
                    })
                  }
                >
                  {t('walkin.overview.closeDay')}
                </Button>
              </Group>
            </Stack>
          </Modal>
          <Section title={t('walkin.kiosks.title')}>
            <Text size="sm" c="dimmed" mb="sm">{t('walkin.kiosks.lead')}</Text>
            <KioskTokens unitCode={unitCode} timeZone={timeZone} />
          </Section>
        </>
      )}
    </Stack>
  );
}
