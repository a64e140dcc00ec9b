import { Anchor, Badge, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Pager } from '@/components/ui/pager';
import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Consultation } from '@/lib/api/types';
import { formatDateTime, formatElapsed } from '@/lib/format/date-time';

import { useConsultations } from '../api/get-consultations';
import type { ConsultationListQuery } from '../api/query-keys';
import { nameOf, zoneOf, type UnitsByCode } from '../utils/unit-lookup';
import { useNow } from '@/lib/hooks/use-now';

import { ProvisionalDeadlineMark } from './provisional-deadline';
import { ChannelBadge, StatusBadge, UnreadBadge } from './status-badge';

type ConsultationTableProps = {
  query: ConsultationListQuery;
  onPage: (page: number) => void;
  units: UnitsByCode;
  showUnit: boolean;
  emptyText: string;
};

/** Waiting since when, the deadline, or when it closed: what matters for the row's state. */
function TimeCell({ consultation: c, units, now }: { consultation: Consultation; units: UnitsByCode; now: number }) {
  const { t } = useTranslation();
  const zone = zoneOf(units, c.unit_code);
  if (c.status === 'waiting') {
    return <Text size="sm">{t('consultations.console.waitingFor', { elapsed: formatElapsed(c.created_at, now) })}</Text>;
  }
  if (c.status === 'closed' && c.closed_at) {
    return <Text size="sm">{t('consultations.console.closedAt', { date: formatDateTime(c.closed_at, zone) })}</Text>;
  }
  if (c.deadline_at) {
    return (
      <Text size="sm" c={c.overdue ? 'red' : undefined} fw={c.overdue ? 600 : undefined}>
        {t('consultations.deadline', { date: formatDateTime(c.deadline_at, zone) })}
        <ProvisionalDeadlineMark consultation={c} timeZone={zone} />
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {t('consultations.console.noDeadline')}
    </Text>
  );
}

function SubjectLink({ consultation: c }: { consultation: Consultation }) {
  return (
    <Anchor component={Link} to={paths.staffConsultation(c.id)} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {c.subject}
    </Anchor>
  );
}

/** One page of the unit's consultations: a table on wide screens, cards on phones. */
export function ConsultationTable({ query, onPage, units, showUnit, emptyText }: ConsultationTableProps) {
  const { t } = useTranslation();
  const list = useConsultations(query);
  const now = useNow();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / query.perPage)) : 1;
  const items = list.data?.items ?? [];

  return (
    <Stack gap="sm">
      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed">
          {items.length === 0 ? emptyText : t('consultations.console.total', { count: list.data.total })}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="xs" hiddenFrom="sm">
          {items.map((c) => (
            <Card key={c.id} withBorder padding="sm" radius="md" component="article" aria-label={c.subject}>
              <Text size="xs" c="dimmed">
                {c.number}
                {showUnit && ` · ${nameOf(units, c.unit_code)}`}
              </Text>
              <SubjectLink consultation={c} />
              <Text size="xs" c="dimmed">
                {c.owner.full_name} · {t(`consultations.categories.${c.category}.label`)}
              </Text>
              <Group gap={6} mt={6}>
                <StatusBadge consultation={c} />
                <ChannelBadge channel={c.channel} />
                <UnreadBadge count={c.unread_count} />
              </Group>
              <TimeCell consultation={c} units={units} now={now} />
            </Card>
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720} visibleFrom="sm">
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consultations.console.columns.number')}</Table.Th>
                <Table.Th>{t('consultations.console.columns.subject')}</Table.Th>
                <Table.Th>{t('consultations.console.columns.user')}</Table.Th>
                {showUnit && <Table.Th>{t('consultations.console.columns.unit')}</Table.Th>}
                <Table.Th>{t('consultations.console.columns.time')}</Table.Th>
                <Table.Th>{t('consultations.console.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} bg={c.overdue ? 'red.0' : undefined}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {c.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SubjectLink consultation={c} />
                    <Group gap={6}>
                      <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
                        {t(`consultations.categories.${c.category}.label`)}
                      </Badge>
                      <ChannelBadge channel={c.channel} />
                      <UnreadBadge count={c.unread_count} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.owner.full_name}</Text>
                    {c.assignee && (
                      <Text size="xs" c="dimmed">
                        → {c.assignee.full_name}
                      </Text>
                    )}
                  </Table.Td>
                  {showUnit && <Table.Td>{nameOf(units, c.unit_code)}</Table.Td>}
                  <Table.Td>
                    <TimeCell consultation={c} units={units} now={now} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge consultation={c} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager total={pages} value={query.page} onChange={onPage} />
    </Stack>
  );
}
