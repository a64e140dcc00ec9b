import { Alert, Button, Card, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClock, IconLogin, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api/problem';
import type { TicketPriority, UnitSettings } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';
import { zoneAbbreviation } from '@/lib/format/date-time';

import { useWalkinServices } from '../api/get-services';
import { useVisitorTicket } from '../api/get-visitor-ticket';
import { useTakeTicket } from '../api/take-ticket';
import { atDesk, priorities } from '../utils/options';
import { remoteTicketStore, trackedTicket } from '../utils/storage';

type RemoteTicketCardProps = {
  unitCode: string;
  timeZone: string;
  settings: Pick<UnitSettings, 'walkin_remote_tickets' | 'office_opens_at' | 'office_closes_at'>;
};

/** The spec's office hours when a unit states none. */
const DEFAULT_OPENS = '08:00';
const DEFAULT_CLOSES = '16:00';

/**
 * A signed-in member of the public takes a queue number of the unit from their phone before
 * coming, when the unit allows it and its office is open; the ticket's own page follows it.
 */
export function RemoteTicketCard(props: RemoteTicketCardProps) {
  const { user, isSignedIn } = useUser();
  if (!props.settings.walkin_remote_tickets) return null;
  // Staff take numbers for visitors at the kiosk or the front office, not here.
  if (isSignedIn && user && user.role !== 'public') return null;
  return <RemoteTicket {...props} />;
}

function RemoteTicket({ unitCode, timeZone, settings }: RemoteTicketCardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, isSignedIn } = useUser();
  const services = useWalkinServices(unitCode);
  const take = useTakeTicket();
  const [stored] = useState(() => remoteTicketStore.get(unitCode));
  const held = useVisitorTicket(stored?.id ?? '', stored?.key ?? '');
  const [service, setService] = useState<string | null>(null);
  const [priority, setPriority] = useState<TicketPriority | null>(null);

  const hours = {
    opens: settings.office_opens_at ?? DEFAULT_OPENS,
    closes: settings.office_closes_at ?? DEFAULT_CLOSES,
    zone: zoneAbbreviation(timeZone),
  };
  const active = services.data?.filter((s) => s.active !== false) ?? [];
  const holding = held.data && (held.data.status === 'waiting' || atDesk(held.data)) ? held.data : null;

  const submit = () => {
    if (!service) return;
    take.mutate(
      { unitCode, service, priority },
      {
        onSuccess: (ticket) => {
          const tracked = ticket.track_url ? trackedTicket(ticket.track_url) : null;
          if (!tracked) return;
          remoteTicketStore.set(unitCode, tracked);
          void navigate(paths.walkinTicket(tracked.id, tracked.key));
        },
      },
    );
  };

  let body;
  if (!isSignedIn) {
    body = (
      <Button
        component={Link}
        to={`${paths.login}?next=${encodeURIComponent(paths.unit(unitCode))}`}
        variant="light"
        leftSection={<IconLogin size={18} />}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('walkin.remote.logIn')}
      </Button>
    );
  } else if (!user || services.isPending || (stored && held.isPending)) {
    body = <Skeleton h={80} />;
  } else if (holding && stored) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{t('walkin.remote.holding', { number: holding.number, service: holding.service_name })}</Text>
        <Button component={Link} to={paths.walkinTicket(stored.id, stored.key)} leftSection={<IconTicket size={18} />}>
          {t('walkin.remote.track')}
        </Button>
      </Stack>
    );
  } else if (active.length === 0) {
    body = (
      <>
        <ErrorAlert error={services.error} />
        {!services.error && <Text c="dimmed">{t('walkin.kiosk.noServices')}</Text>}
      </>
    );
  } else {
    body = (
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('walkin.remote.service')}
            placeholder={t('walkin.remote.servicePlaceholder')}
            required
            allowDeselect={false}
            data={active.map((s) => ({ value: s.code, label: s.name }))}
            value={service}
            onChange={setService}
          />
          <Select
            label={t('walkin.remote.priority')}
            placeholder={t('walkin.kiosk.noPriority')}
            clearable
            clearButtonProps={{ 'aria-label': t('walkin.remote.clearPriority') }}
            data={priorities.map((p) => ({ value: p, label: t(`walkin.priority.${p}`) }))}
            value={priority}
            onChange={(value) => setPriority(priorities.find((p) => p === value) ?? null)}
          />
        </SimpleGrid>
        {isApiError(take.error, 'remote_tickets_closed') ? (
          <Alert color="orange" icon={<IconClock />} title={t('walkin.remote.closedTitle')} role="alert">
            {t('walkin.remote.closed', hours)}
          </Alert>
        ) : isApiError(take.error, 'ticket_state') ? (
          <Alert color="blue" role="alert">
            {t('walkin.remote.alreadyHolding')}
          </Alert>
        ) : (
          <ErrorAlert error={take.error} />
        )}
        <Button onClick={submit} disabled={!service} loading={take.isPending} leftSection={<IconTicket size={18} />} style={{ alignSelf: 'flex-start' }}>
          {t('walkin.remote.take')}
        </Button>
      </Stack>
    );
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="remote-ticket-title">
      <Title order={2} size="h4" id="remote-ticket-title">
        {t('walkin.remote.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('walkin.remote.lead', hours)}
      </Text>
      {body}
    </Card>
  );
}
