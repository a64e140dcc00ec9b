import { Badge, Card, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Pager } from '@/components/ui/pager';
import { ErrorAlert } from '@/components/errors/error-alert';
import type { Unit } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useStaff } from '../api/get-staff';

const PER_PAGE = 20;
const FALLBACK_ZONE = 'Asia/Jakarta';

type StaffTableProps = {
  units: Unit[];
  /** Admins may look at any unit; a supervisor's list is their own unit's, decided by the server. */
  canFilterUnit: boolean;
};

export function StaffTable({ units, canFilterUnit }: StaffTableProps) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const staff = useStaff({ unit: unit ?? undefined, page, perPage: PER_PAGE });
  const unitByCode = new Map(units.map((u) => [u.code, u]));

  const pages = staff.data ? Math.max(1, Math.ceil(staff.data.total / PER_PAGE)) : 1;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        {canFilterUnit ? (
          <Select
            label={t('staff.list.filterUnit')}
            placeholder={t('staff.list.allUnits')}
            clearable
            searchable
            value={unit}
            onChange={(value) => {
              setUnit(value);
              setPage(1);
            }}
            data={units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
            w={{ base: '100%', sm: 320 }}
          />
        ) : (
          <span />
        )}
        {staff.data && (
          <Text size="sm" c="dimmed">
            {t('staff.list.total', { count: staff.data.total })}
          </Text>
        )}
      </Group>
      {staff.isPending && <Skeleton h={160} />}
      <ErrorAlert error={staff.error} />
      {staff.data && staff.data.items.length === 0 && <Text c="dimmed">{t('staff.list.empty')}</Text>}
      {staff.data && staff.data.items.length > 0 && (
        <Stack gap="xs" hiddenFrom="sm">
          {staff.data.items.map((member) => {
            const memberUnit = member.unit_code ? unitByCode.get(member.unit_code) : undefined;
            return (
              <Card key={member.id} withBorder padding="sm" radius="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text fw={600}>{member.full_name}</Text>
                  <Badge variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
                    {t(`roles.${member.role}`)}
                  </Badge>
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {member.email}
                </Text>
                <Text size="xs" c="dimmed">
                  {memberUnit?.name ?? member.unit_code ?? t('common.notSet')} ·{' '}
                  {formatDateTime(member.created_at, memberUnit?.time_zone ?? FALLBACK_ZONE)}
                </Text>
              </Card>
            );
          })}
        </Stack>
      )}
      {staff.data && staff.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640} visibleFrom="sm">
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.list.name')}</Table.Th>
                <Table.Th>{t('staff.list.email')}</Table.Th>
                <Table.Th>{t('staff.list.role')}</Table.Th>
                <Table.Th>{t('staff.list.unit')}</Table.Th>
                <Table.Th>{t('staff.list.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.data.items.map((member) => {
                const memberUnit = member.unit_code ? unitByCode.get(member.unit_code) : undefined;
                return (
                  <Table.Tr key={member.id}>
                    <Table.Td>{member.full_name}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{member.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" style={{ textTransform: 'none' }}>
                        {t(`roles.${member.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{memberUnit?.name ?? member.unit_code ?? t('common.notSet')}</Table.Td>
                    <Table.Td>
                      {formatDateTime(member.created_at, memberUnit?.time_zone ?? FALLBACK_ZONE)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager total={pages} value={page} onChange={setPage} />
    </Stack>
  );
}
