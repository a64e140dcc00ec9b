import { Alert, Anchor, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconMailForward } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { ComplaintTracking } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { ComplaintHistory } from './complaint-history';
import { ComplaintProgress } from './complaint-progress';
import { ComplaintReply } from './complaint-reply';
import { ComplaintStatusBadge } from './complaint-status-badge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

/** A complaint's public progress: never the complainant's name, contacts or description. */
export function TrackingView({ tracking }: { tracking: ComplaintTracking }) {
  const { t } = useTranslation();
  const zone = tracking.time_zone;
  const open = !['closed', 'rejected', 'forwarded'].includes(tracking.status);
  const reason = tracking.history.filter((e) => e.kind === 'status' && e.status === tracking.status).at(-1)?.body;
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          {t('complaintDesk.track.code')}
        </Text>
        <Code fz="md" fw={700} style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {tracking.tracking_code}
        </Code>
        <Title order={1} mt="xs" style={{ overflowWrap: 'anywhere' }}>
          {tracking.subject}
        </Title>
        <Group gap="xs" mt="xs">
          <ComplaintStatusBadge status={tracking.status} />
        </Group>
      </div>

      {tracking.status === 'unconfirmed' && (
        <Alert color="yellow" icon={<IconMailForward />}>
          {t('complaintDesk.track.unconfirmed')}
        </Alert>
      )}

      <Card withBorder radius="md" padding="lg" component="section" aria-label={t('complaintDesk.track.progress')}>
        {tracking.status !== 'unconfirmed' && (
          <ComplaintProgress status={tracking.status} reason={reason} forwardedTo={tracking.forwarded_to} />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" mt="md">
          <Fact label={t('complaintDesk.track.unit')}>
            <Anchor component={Link} to={paths.unit(tracking.unit_code)}>
              {tracking.unit_name}
            </Anchor>
          </Fact>
          <Fact label={t('complaintDesk.track.kind')}>{t(`reports.complaintKinds.${tracking.kind}`)}</Fact>
          <Fact label={t('complaintDesk.track.channel')}>{t(`reports.complaintChannels.${tracking.channel}`)}</Fact>
          <Fact label={t('complaintDesk.track.receivedAt')}>{formatDateTime(tracking.received_at, zone)}</Fact>
          {open && tracking.verify_due_at && (
            <Fact label={t('complaintDesk.track.verifyDue')}>{formatDateTime(tracking.verify_due_at, zone)}</Fact>
          )}
          {open && tracking.respond_due_at && (
            <Fact label={t('complaintDesk.track.respondDue')}>{formatDateTime(tracking.respond_due_at, zone)}</Fact>
          )}
          {tracking.status === 'responded' && tracking.auto_close_at && (
            <Fact label={t('complaintDesk.track.autoClose')}>{formatDateTime(tracking.auto_close_at, zone)}</Fact>
          )}
        </SimpleGrid>
      </Card>

      <ComplaintReply key={tracking.tracking_code} tracking={tracking} />

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaint-history-title">
        <Title order={2} size="h4" mb="md" id="complaint-history-title">
          {t('complaintDesk.track.history')}
        </Title>
        <ComplaintHistory steps={tracking.history} timeZone={zone} />
      </Card>

      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" c="dimmed">
          {t('complaintDesk.track.privacy')}
        </Text>
      </Group>
    </Stack>
  );
}
