import { Alert, Box, Button, Card, Chip, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPrinter, IconTicket } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { isApiError } from '@/lib/api/problem';
import type { Ticket, TicketPriority } from '@/lib/api/types';
import { useSession } from '@/lib/auth/use-session';

import { useWalkinServices } from '../api/get-services';
import { useTakeTicket } from '../api/take-ticket';
import { priorities } from '../utils/options';
import { kioskTokenStore, paperWidthStore, type PaperWidth } from '../utils/storage';

import { KioskTokenForm } from './kiosk-token-form';
import { TicketQr } from './ticket-qr';
import { TicketSlip } from './ticket-slip';

/** How long a taken ticket stays on screen before the kiosk is ready for the next visitor. */
const SHOW_TICKET_MS = 30_000;

type KioskViewProps = { unitCode: string; unitName: string; timeZone: string };

/**
 * The self-service kiosk of a unit: a visitor touches a service (and a priority, if any) and gets a
 * queue number, printed with a QR code of the page that follows it. The kiosk takes tickets with
 * its kiosk token, or with the session of a member of staff signed in on it.
 */
export function KioskView({ unitCode, unitName, timeZone }: KioskViewProps) {
  const { t } = useTranslation();
  const signedIn = useSession() !== null;
  const services = useWalkinServices(unitCode);
  const take = useTakeTicket();
  const [token, setToken] = useState(() => kioskTokenStore.get(unitCode));
  const [rejected, setRejected] = useState(false);
  const [priority, setPriority] = useState<TicketPriority | 'none'>('none');
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [paper, setPaper] = useState<PaperWidth>(paperWidthStore.get);


  useEffect(() => {
    if (!ticket) return;
    // Printed once the slip (and its QR code) had a moment to render.
    const print = setTimeout(() => window.print(), 600);
    const reset = setTimeout(() => setTicket(null), SHOW_TICKET_MS);
    return () => {
      clearTimeout(print);
      clearTimeout(reset);
    };
  }, [ticket]);

  const saveToken = (value: string | null) => {
    kioskTokenStore.set(unitCode, value);
    setToken(value);
  };

  if (!signedIn && !token) {
    return <KioskTokenForm rejected={rejected} onSave={(value) => { setRejected(false); saveToken(value); }} />;
  }

  const choose = (service: string) => {
    take.mutate(
      { unitCode, service, priority: priority === 'none' ? null : priority, kioskToken: token },
      {
        onSuccess: (taken) => {
          setTicket(taken);
          setPriority('none');
        },
        onError: (error) => {
          // A revoked or mistyped token: ask for a new one rather than fail at every touch.
          if (!signedIn && isApiError(error) && (error.status === 401 || error.status === 403)) {
            setRejected(true);
            saveToken(null);
          }
        },
      },
    );
  };

  if (ticket) {
    return (
      <>
        <Card withBorder radius="lg" padding="xl" maw={560} mx="auto" component="section" aria-labelledby="kiosk-ticket-title">
          <Stack align="center" gap="sm" ta="center">
            <Title order={2} id="kiosk-ticket-title" fz={28}>
              {t('walkin.kiosk.yourNumber')}
            </Title>
            <Text fz={{ base: 80, sm: 120 }} fw={800} lh={1} ff="monospace" data-testid="kiosk-number">
              {ticket.number}
            </Text>
            <Text fz="xl" fw={600}>
              {ticket.service_name}
            </Text>
            {ticket.priority && <Text>{t(`walkin.priority.${ticket.priority}`)}</Text>}
            {ticket.ahead !== null && ticket.ahead !== undefined && (
              <Text fz="lg">{t('walkin.ticket.ahead', { count: ticket.ahead })}</Text>
            )}
            {ticket.track_url && (
              <>
                <TicketQr value={ticket.track_url} size={180} alt={t('walkin.kiosk.qrAlt')} />
                <Text c="dimmed">{t('walkin.kiosk.scanToTrack')}</Text>
              </>
            )}
            <Group>
              <Button size="lg" variant="default" leftSection={<IconPrinter size={20} />} onClick={() => window.print()}>
                {t('walkin.kiosk.printAgain')}
              </Button>
              <Button size="lg" onClick={() => setTicket(null)}>
                {t('walkin.kiosk.done')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <TicketSlip ticket={ticket} unitName={unitName} timeZone={timeZone} paper={paper} />
      </>
    );
  }

  const active = services.data?.filter((s) => s.active) ?? [];
  return (
    <Stack gap="xl" maw={960} mx="auto">
      <Box ta="center">
        <Title order={1} fz={{ base: 30, sm: 44 }}>
          {t('walkin.kiosk.title')}
        </Title>
        <Text fz="xl" c="dimmed">
          {unitName}
        </Text>
      </Box>

      <Box component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fz="lg" fw={600} mb="xs">
          {t('walkin.kiosk.priorityLegend')}
        </Text>
        <Chip.Group multiple={false} value={priority} onChange={setPriority}>
          <Group gap="sm">
            <Chip value="none" size="lg">
              {t('walkin.kiosk.noPriority')}
            </Chip>
            {priorities.map((p) => (
              <Chip key={p} value={p} size="lg">
                {t(`walkin.priority.${p}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Box>

      <section aria-labelledby="kiosk-services">
        <Text id="kiosk-services" fz="lg" fw={600} mb="xs">
          {t('walkin.kiosk.chooseService')}
        </Text>
        {services.isPending ? (
          <Skeleton h={160} />
        ) : active.length === 0 ? (
          <Alert color="gray">{t('walkin.kiosk.noServices')}</Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {active.map((service) => (
              <Button
                key={service.code}
                size="xl"
                h={{ base: 96, sm: 140 }}
                radius="lg"
                leftSection={<IconTicket size={32} />}
                loading={take.isPending && take.variables.service === service.code}
                disabled={take.isPending}
                onClick={() => choose(service.code)}
                styles={{ label: { whiteSpace: 'normal', fontSize: 24, lineHeight: 1.2 } }}
              >
                {service.name}
              </Button>
            ))}
          </SimpleGrid>
        )}
        <ErrorAlert error={services.error ?? take.error} />
      </section>

      <Group justify="space-between" c="dimmed">
        <SegmentedControl
          aria-label={t('walkin.kiosk.paper')}
          value={paper}
          onChange={(value) => {
            const width = value === '58' ? '58' : '80';
            paperWidthStore.set(width);
            setPaper(width);
          }}
          data={[
            { value: '58', label: '58 mm' },
            { value: '80', label: '80 mm' },
          ]}
        />
        {!signedIn && (
          <Button variant="subtle" color="gray" onClick={() => saveToken(null)}>
            {t('walkin.kiosk.forgetToken')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
