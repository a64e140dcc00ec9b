import { Alert, Anchor, Card, Code, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Me, PersonRef } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useComplaint } from '../api/get-complaint';
import { complaintActions } from '../utils/lifecycle';

import { ComplaintActions } from './complaint-actions';
import { ComplaintHistory } from './complaint-history';
import { ComplaintStatusBadge } from './complaint-status-badge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

type ComplaintDetailViewProps = {
  id: string;
  viewer: Me;
  zoneOf: (unitCode: string) => string;
  /** The officers of a unit the viewer may assign to (composed by the app from the staff list). */
  officersOf?: (unitCode: string) => PersonRef[] | undefined;
};

/** A complaint for the unit's staff: every field, the complainant's contacts, its history, the actions. */
export function ComplaintDetailView({ id, viewer, zoneOf, officersOf }: ComplaintDetailViewProps) {
  const { t } = useTranslation();
  const query = useComplaint(id);
  const back = (
    <Anchor component={Link} to={paths.staffComplaints} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('complaintDesk.detail.back')}
      </Group>
    </Anchor>
  );
  if (query.isPending) return <Skeleton h={320} />;
  if (query.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }
  const c = query.data;
  const zone = zoneOf(c.unit_code);
  const allowed = complaintActions(c, viewer);
  const works = Object.values(allowed).some(Boolean) || viewer.unit_code === c.unit_code || viewer.role === 'admin';
  const date = (iso: string | null | undefined) => (iso ? formatDateTime(iso, zone) : t('common.notSet'));

  return (
    <Stack gap="lg">
      {back}
      <div>
        <Code fz="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {c.tracking_code}
        </Code>
        <Title order={1} mt="xs" style={{ overflowWrap: 'anywhere' }}>
          {c.subject}
        </Title>
        <Group gap="xs" mt="xs">
          <ComplaintStatusBadge status={c.status} overdue={c.overdue} />
          <Text size="sm" c="dimmed">
            {t(`reports.complaintKinds.${c.kind}`)} · {t(`reports.complaintChannels.${c.channel}`)}
          </Text>
        </Group>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaint-description">
              <Title order={2} size="h4" mb="xs" id="complaint-description">
                {t('complaintDesk.detail.description')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.description}
              </Text>
            </Card>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaint-actions">
              <Title order={2} size="h4" mb="sm" id="complaint-actions">
                {t('complaintDesk.actions.title')}
              </Title>
              {works ? (
                <ComplaintActions complaint={c} allowed={allowed} officers={officersOf?.(c.unit_code)} />
              ) : (
                <Alert color="gray" icon={<IconInfoCircle />}>
                  {t('complaintDesk.actions.readOnly')}
                </Alert>
              )}
            </Card>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaint-history">
              <Title order={2} size="h4" mb="md" id="complaint-history">
                {t('complaintDesk.detail.history')}
              </Title>
              <ComplaintHistory steps={c.events} timeZone={zone} showAuthors />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaint-complainant">
              <Title order={2} size="h4" mb="sm" id="complaint-complainant">
                {t('complaintDesk.detail.complainant')}
              </Title>
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {c.name ?? t('complaintDesk.detail.anonymous')}
                </Text>
                {c.email && (
                  <Anchor href={`mailto:${c.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {c.email}
                  </Anchor>
                )}
                {c.phone && (
                  <Anchor href={`tel:${c.phone}`} size="sm">
                    {c.phone}
                  </Anchor>
                )}
                {!c.email && !c.phone && (
                  <Text size="sm" c="dimmed">
                    {t('complaintDesk.detail.noContact')}
                  </Text>
                )}
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg" component="section" aria-label={t('complaintDesk.track.progress')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Fact label={t('complaintDesk.track.receivedAt')}>{date(c.received_at)}</Fact>
                <Fact label={t('complaintDesk.track.verifyDue')}>{date(c.verify_due_at)}</Fact>
                <Fact label={t('complaintDesk.track.respondDue')}>{date(c.respond_due_at)}</Fact>
                {c.auto_close_at && <Fact label={t('complaintDesk.track.autoClose')}>{date(c.auto_close_at)}</Fact>}
                <Fact label={t('complaintDesk.detail.assignee')}>{c.assignee?.full_name ?? t('complaintDesk.detail.unassigned')}</Fact>
                {c.related_number && <Fact label={t('complaintDesk.detail.related')}>{c.related_number}</Fact>}
                {c.lapor_reference && <Fact label={t('complaintDesk.detail.laporReference')}>{c.lapor_reference}</Fact>}
                {c.recorded_by && <Fact label={t('complaintDesk.detail.recordedBy')}>{c.recorded_by.full_name}</Fact>}
                {c.forwarded_to && (
                  <Fact label={t('complaintDesk.status.forwarded')}>
                    {c.forwarded_to === 'lapor' ? t('complaintDesk.track.forwardedToLapor') : t('complaintDesk.track.forwardedTo', { unit: c.forwarded_to })}
                  </Fact>
                )}
                {c.forwarded_from_id && (
                  <Fact label={t('complaintDesk.detail.forwardedFrom')}>
                    <Anchor component={Link} to={paths.staffComplaint(c.forwarded_from_id)} size="sm">
                      {t('complaintDesk.detail.forwardedFrom')}
                    </Anchor>
                  </Fact>
                )}
                {c.reason && <Fact label={t('complaintDesk.detail.reason')}>{c.reason}</Fact>}
              </SimpleGrid>
              <Anchor component={Link} to={paths.trackComplaint(c.tracking_code)} size="sm" mt="md" display="inline-block">
                {t('complaintDesk.detail.trackingPage')}
              </Anchor>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
