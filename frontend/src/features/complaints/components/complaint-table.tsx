import { Anchor, Badge, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Pager } from '@/components/ui/pager';
import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Complaint } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useComplaints } from '../api/get-complaints';
import type { ComplaintListQuery } from '../api/query-keys';

import { ComplaintDue } from './complaint-due';
import { ComplaintStatusBadge } from './complaint-status-badge';

type ComplaintTableProps = {
  query: ComplaintListQuery;
  onPage: (page: number) => void;
  zoneOf: (unitCode: string) => string;
};

function SubjectLink({ complaint: c }: { complaint: Complaint }) {
  return (
    <Anchor component={Link} to={paths.staffComplaint(c.id)} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {c.subject}
    </Anchor>
  );
}

function Tags({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
        {t(`reports.complaintKinds.${c.kind}`)}
      </Badge>
      <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
        {t(`reports.complaintChannels.${c.channel}`)}
      </Badge>
      {c.assignee && (
        <Text size="xs" c="dimmed">
          {t('complaintDesk.detail.assignee')}: {c.assignee.full_name}
        </Text>
      )}
    </Group>
  );
}

/** One page of the unit's complaints, overdue ones first and marked: a table on wide screens, cards on phones. */
export function ComplaintTable({ query, onPage, zoneOf }: ComplaintTableProps) {
  const { t } = useTranslation();
  const list = useComplaints(query);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / query.perPage)) : 1;
  const items = list.data?.items ?? [];

  return (
    <Stack gap="sm">
      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed" role="status">
          {items.length === 0 ? t('complaintDesk.desk.empty') : t('complaintDesk.desk.total', { count: list.data.total })}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="xs" hiddenFrom="sm">
          {items.map((c) => (
            <Card
              key={c.id}
              withBorder
              padding="sm"
              radius="md"
              component="article"
              aria-label={c.subject}
              style={c.overdue ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
            >
              <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {c.tracking_code}
              </Text>
              <SubjectLink complaint={c} />
              <Tags complaint={c} />
              <Group gap={6} mt={6}>
                <ComplaintStatusBadge status={c.status} overdue={c.overdue} />
              </Group>
              <ComplaintDue complaint={c} timeZone={zoneOf(c.unit_code)} />
            </Card>
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760} visibleFrom="sm">
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaintDesk.desk.columns.code')}</Table.Th>
                <Table.Th>{t('complaintDesk.desk.columns.subject')}</Table.Th>
                <Table.Th>{t('complaintDesk.desk.columns.received')}</Table.Th>
                <Table.Th>{t('complaintDesk.desk.columns.due')}</Table.Th>
                <Table.Th>{t('complaintDesk.desk.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} bg={c.overdue ? 'red.0' : undefined}>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {c.tracking_code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SubjectLink complaint={c} />
                    <Tags complaint={c} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(c.received_at, zoneOf(c.unit_code))}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ComplaintDue complaint={c} timeZone={zoneOf(c.unit_code)} />
                  </Table.Td>
                  <Table.Td>
                    <ComplaintStatusBadge status={c.status} overdue={c.overdue} />
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
