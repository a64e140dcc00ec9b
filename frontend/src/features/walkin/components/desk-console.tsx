import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconArrowsExchange,
  IconBell,
  IconCircleCheck,
  IconInfoCircle,
  IconNotes,
  IconPlayerPlay,
  IconSpeakerphone,
  IconUserOff,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { useNow } from '@/lib/hooks/use-now';
import { isApiError } from '@/lib/api/problem';
import type { Ticket } from '@/lib/api/types';
import type { SocketFactory } from '@/lib/realtime/client';

import { useCallNext } from '../api/call-next';
import { useFinishTicket } from '../api/finish-ticket';
import { useWalkinDesks } from '../api/get-desks';
import { useWalkinServices } from '../api/get-services';
import { useTodaysTickets } from '../api/get-tickets';
import { walkinKeys } from '../api/query-keys';
import { useTicketAction, type TicketAction } from '../api/ticket-action';
import { useTransferTicket } from '../api/transfer-ticket';
import { atDesk } from '../utils/options';
import { deskChoiceStore } from '../utils/storage';
import { useBoardFeed } from '../utils/use-board-feed';

import { DeskConsultationForm } from './desk-consultation-form';
import { LiveBadge } from './live-badge';
import { WaitBadge } from './wait-badge';
import { WaitingList } from './waiting-list';

type DeskConsoleProps = { unitCode: string; maxWaitMinutes: number | null | undefined; createSocket?: SocketFactory };

/** The ticket a desk holds and the moves it allows, with the officer's note and a transfer. */
function CurrentTicket({
  ticket,
  unitCode,
  now,
  maxWaitMinutes,
  onError,
  onRecord,
}: {
  ticket: Ticket;
  unitCode: string;
  now: number;
  maxWaitMinutes: number | null | undefined;
  onError: (error: unknown) => void;
  onRecord: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  const services = useWalkinServices(unitCode);
  const action = useTicketAction();
  const finish = useFinishTicket();
  const transfer = useTransferTicket();
  const [note, setNote] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const busy = action.isPending || finish.isPending || transfer.isPending;

  // Through the promise, not `mutate`'s callbacks: a ticket that leaves the desk unmounts this
  // card before those would run, and the officer must still be told how it ended.
  const run = (move: TicketAction) =>
    action
      .mutateAsync({ id: ticket.id, action: move, unitCode })
      .then((view) => {
        onError(null);
        if (move === 'no-show') notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'gray', message: t('walkin.console.markedNoShow', { number: view.number }) });
        if (move === 'cancel') notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'gray', message: t('walkin.console.cancelled', { number: view.number }) });
      })
      .catch(onError);

  const others = services.data?.filter((s) => s.active && s.code !== ticket.service) ?? [];
  const calledAgo = ticket.called_at ?? ticket.taken_at;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="desk-current-title">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Text id="desk-current-title" size="sm" c="dimmed">
            {t('walkin.console.current')}
          </Text>
          <Text fz={56} fw={800} ff="monospace" lh={1.1}>
            {ticket.number}
          </Text>
          <Group gap="xs">
            <Text fw={600}>{ticket.service_name}</Text>
            <Badge color={ticket.status === 'serving' ? 'teal.9' : 'blue'}>{t(`walkin.status.${ticket.status}`)}</Badge>
            {ticket.priority && <Badge color="grape" variant="light">{t(`walkin.priority.${ticket.priority}`)}</Badge>}
          </Group>
          {ticket.transferred_from && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('walkin.console.transferredFrom', { number: ticket.transferred_from.number })}
            </Text>
          )}
        </div>
        <Stack gap={4} align="flex-end">
          {ticket.status === 'serving' && ticket.started_at ? (
            <Group gap="xs">
              <Text size="sm">{t('walkin.console.servingFor')}</Text>
              <WaitBadge since={ticket.started_at} now={now} maxWaitMinutes={null} />
            </Group>
          ) : (
            <>
              <Group gap="xs">
                <Text size="sm">{t('walkin.console.calledFor')}</Text>
                <WaitBadge since={calledAgo} now={now} maxWaitMinutes={null} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('walkin.console.callCount', { count: ticket.call_count })}
              </Text>
            </>
          )}
          {ticket.standard_wait_minutes !== null && ticket.standard_wait_minutes !== undefined && (
            <Badge color={ticket.breach ? 'red' : 'gray'} variant="light">
              {t('walkin.console.waited', { minutes: Math.round(ticket.standard_wait_minutes), max: maxWaitMinutes ?? '—' })}
            </Badge>
          )}
        </Stack>
      </Group>

      {ticket.status === 'called' ? (
        <Group mt="lg" gap="sm">
          <Button leftSection={<IconPlayerPlay size={18} />} onClick={() => run('start')} loading={action.isPending && action.variables.action === 'start'} disabled={busy}>
            {t('walkin.console.start')}
          </Button>
          <Button variant="default" leftSection={<IconSpeakerphone size={18} />} onClick={() => run('recall')} loading={action.isPending && action.variables.action === 'recall'} disabled={busy}>
            {t('walkin.console.recall')}
          </Button>
          <Button variant="light" color="orange" leftSection={<IconUserOff size={18} />} onClick={() => run('no-show')} loading={action.isPending && action.variables.action === 'no-show'} disabled={busy}>
            {t('walkin.console.noShow')}
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => run('cancel')} loading={action.isPending && action.variables.action === 'cancel'} disabled={busy}>
            {t('walkin.console.cancel')}
          </Button>
        </Group>
      ) : (
        <Stack mt="lg" gap="md">
          <RecordedOrRecord ticket={ticket} onRecord={onRecord} />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              finish
                .mutateAsync({ id: ticket.id, note, unitCode })
                .then((view) => {
                  onError(null);
                  notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'green', message: t('walkin.console.finished', { number: view.number }) });
                })
                .catch(onError);
            }}
          >
            <Stack gap="xs">
              <Textarea label={t('walkin.console.note')} description={t('walkin.console.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
              <Group>
                <Button type="submit" color="teal.9" leftSection={<IconCircleCheck size={18} />} loading={finish.isPending} disabled={busy}>
                  {t('walkin.console.finish')}
                </Button>
                <Button variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => run('cancel')} loading={action.isPending && action.variables.action === 'cancel'} disabled={busy}>
                  {t('walkin.console.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('walkin.console.transferTo')}
              placeholder={t('walkin.console.transferPlaceholder')}
              data={others.map((s) => ({ value: s.code, label: s.name }))}
              value={target}
              onChange={setTarget}
              w={{ base: '100%', sm: 280 }}
            />
            <Button
              variant="default"
              leftSection={<IconArrowsExchange size={18} />}
              disabled={!target || busy}
              loading={transfer.isPending}
              onClick={() =>
                target &&
                void transfer
                  .mutateAsync({ id: ticket.id, service: target, unitCode })
                  .then(({ to }) => {
                    onError(null);
                    notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'violet', message: t('walkin.console.transferred', { number: to.number, service: to.service_name }) });
                  })
                  .catch(onError)
              }
            >
              {t('walkin.console.transfer')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** The visit's consultation: a link once recorded, else the action that records it. */
function RecordedOrRecord({ ticket, onRecord }: { ticket: Ticket; onRecord: (ticket: Ticket) => void }) {
  const { t } = useTranslation();
  if (ticket.consultation_id) {
    return (
      <Group gap="xs">
        <Badge color="teal.9" leftSection={<IconCircleCheck size={12} />} style={{ textTransform: 'none' }}>
          {t('walkin.record.recordedBadge')}
        </Badge>
        <Anchor component={Link} to={paths.staffConsultation(ticket.consultation_id)} size="sm">
          {t('walkin.record.open')}
        </Anchor>
      </Group>
    );
  }
  return (
    <Button variant="light" leftSection={<IconNotes size={18} />} onClick={() => onRecord(ticket)} style={{ alignSelf: 'flex-start' }}>
      {t('walkin.record.action')}
    </Button>
  );
}

/** Visits this desk finished today whose consultation is not recorded yet. */
function UnrecordedVisits({ tickets, onRecord }: { tickets: Ticket[]; onRecord: (ticket: Ticket) => void }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="desk-unrecorded-title">
      <Title order={2} size="h5" id="desk-unrecorded-title">
        {t('walkin.record.unrecordedTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('walkin.record.unrecordedLead')}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tickets.map((ticket) => (
          <Group key={ticket.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
            <div>
              <Text fw={700} ff="monospace">
                {ticket.number}
              </Text>
              <Text size="sm" c="dimmed">
                {ticket.service_name}
              </Text>
            </div>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconNotes size={16} />}
              onClick={() => onRecord(ticket)}
              aria-label={t('walkin.record.actionFor', { number: ticket.number })}
            >
              {t('walkin.record.action')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * An officer's desk: choose the desk (remembered on this device), call the next visitor, then
 * recall, start, finish, transfer or give up on them; below, who waits for which service, live.
 */
export function DeskConsole({ unitCode, maxWaitMinutes, createSocket }: DeskConsoleProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const desks = useWalkinDesks(unitCode);
  const services = useWalkinServices(unitCode);
  const tickets = useTodaysTickets(unitCode);
  const callNext = useCallNext();
  const now = useNow(1_000);
  const [stored, setStored] = useState(() => deskChoiceStore.get(unitCode));
  const [error, setError] = useState<unknown>(null);
  const [recording, setRecording] = useState<Ticket | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const live = useBoardFeed(unitCode, {
    createSocket,
    // Every change of the unit's queue reaches the board: the console's list follows it.
    onBoard: () => void queryClient.invalidateQueries({ queryKey: walkinKeys.tickets(unitCode) }),
  });

  const activeDesks = desks.data?.filter((d) => d.active) ?? [];
  const desk = activeDesks.find((d) => d.code === stored) ?? null;
  const all = tickets.data?.items ?? [];
  const current = desk ? all.find((ticket) => ticket.desk?.code === desk.code && atDesk(ticket)) : undefined;
  const unrecorded = desk
    ? all
        .filter((ticket) => ticket.desk?.code === desk.code && ticket.status === 'finished' && !ticket.consultation_id)
        .sort((a, b) => (b.finished_at ?? '').localeCompare(a.finished_at ?? ''))
    : [];

  const chooseDesk = (code: string | null) => {
    deskChoiceStore.set(unitCode, code);
    setStored(code);
    setError(null);
  };

  const call = () => {
    if (!desk) return;
    callNext.mutate({ unitCode, desk: desk.code }, {
      onSuccess: (ticket) => {
        setError(null);
        notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'blue', message: t('walkin.console.calledNotice', { number: ticket.number }) });
      },
      onError: setError,
    });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        {desks.isPending ? (
          <Skeleton h={56} w={280} />
        ) : (
          <Select
            label={t('walkin.console.desk')}
            placeholder={t('walkin.console.deskPlaceholder')}
            data={activeDesks.map((d) => ({ value: d.code, label: d.name }))}
            value={desk?.code ?? null}
            onChange={chooseDesk}
            allowDeselect={false}
            w={{ base: '100%', sm: 280 }}
          />
        )}
        <LiveBadge status={live} />
      </Group>
      <ErrorAlert error={desks.error ?? tickets.error} />

      {!desk ? (
        <Alert color="blue" icon={<IconInfoCircle />}>
          {t('walkin.console.chooseDesk')}
        </Alert>
      ) : (
        <>
          {tickets.isPending ? (
            <Skeleton h={160} />
          ) : current ? (
            <CurrentTicket key={current.id} ticket={current} unitCode={unitCode} now={now} maxWaitMinutes={maxWaitMinutes} onError={setError} onRecord={setRecording} />
          ) : (
            <Card withBorder radius="md" padding="lg" component="section" aria-label={t('walkin.console.current')}>
              <Stack align="flex-start">
                <Text c="dimmed">{t('walkin.console.deskFree', { desk: desk.name })}</Text>
                <Button size="lg" leftSection={<IconBell size={20} />} onClick={call} loading={callNext.isPending}>
                  {t('walkin.console.callNext')}
                </Button>
              </Stack>
            </Card>
          )}
          {isApiError(error, 'queue_empty') ? (
            <Alert color="blue" icon={<IconInfoCircle />} role="alert">
              {t('errors.codes.queue_empty')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <UnrecordedVisits tickets={unrecorded} onRecord={setRecording} />
        </>
      )}

      {/* Kept by the console, not the ticket's card: the visit may leave the desk while it is written. */}
      <Modal
        opened={recording !== null}
        onClose={() => setRecording(null)}
        title={recording ? t('walkin.record.title', { number: recording.number }) : undefined}
        size="lg"
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': t('walkin.record.closeForm') }}
      >
        {recording && <DeskConsultationForm key={recording.id} ticket={recording} unitCode={unitCode} onClose={() => setRecording(null)} />}
      </Modal>

      <div>
        <Title order={2} size="h3" mb="sm">
          {t('walkin.console.waitingTitle')}
        </Title>
        {services.isPending || tickets.isPending ? (
          <Skeleton h={120} />
        ) : (
          <WaitingList services={services.data ?? []} tickets={all} now={now} maxWaitMinutes={maxWaitMinutes} highlight={desk?.services} />
        )}
      </div>
    </Stack>
  );
}
