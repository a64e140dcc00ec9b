import { Alert, Badge, Box, Button, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import type { HolidayKind } from '@/lib/api/types';
import { formatCalendarDate } from '@/lib/format/date-time';

import { useHolidays } from '../api/get-holidays';

import { HolidayEditor } from './holiday-editor';

function KindBadge({ kind }: { kind: HolidayKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={kind === 'national' ? 'red' : 'orange'}
      style={{ textTransform: 'none', flexShrink: 0 }}
    >
      {t(`staff.holidays.kinds.${kind}`)}
    </Badge>
  );
}

type HolidayCalendarProps = { canEdit: boolean; initialYear?: number };

export function HolidayCalendar({ canEdit, initialYear = new Date().getFullYear() }: HolidayCalendarProps) {
  const { t } = useTranslation();
  const [year, setYear] = useState(initialYear);
  const [editing, setEditing] = useState(false);
  const holidays = useHolidays(year);
  const years = Array.from({ length: 5 }, (_, i) => initialYear - 1 + i);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('staff.holidays.year')}
          value={String(year)}
          allowDeselect={false}
          disabled={editing}
          onChange={(value) => value && setYear(Number(value))}
          data={years.map(String)}
          w={120}
        />
        {holidays.data && (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('staff.holidays.total', { count: holidays.data.items.length })}
            </Text>
            {canEdit && !editing && (
              <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('staff.holidays.edit')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {holidays.isPending && <Skeleton h={200} />}
      <ErrorAlert error={holidays.error} />
      {holidays.data && editing && (
        <HolidayEditor
          key={year}
          year={year}
          items={holidays.data.items}
          onDone={() => setEditing(false)}
        />
      )}
      {holidays.data && !holidays.data.loaded && (
        // Without the year's decree only the fixed-date holidays are known: the list is not the year's whole calendar.
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
          {t('staff.holidays.notLoaded')}
        </Alert>
      )}
      {holidays.data && !editing && holidays.data.items.length === 0 && (
        <Text c="dimmed">{t('staff.holidays.empty')}</Text>
      )}
      {holidays.data && !editing && holidays.data.items.length > 0 && (
        <Stack gap={0} hiddenFrom="sm">
          {holidays.data.items.map((holiday) => (
            <Box
              key={`${holiday.date}-${holiday.name}`}
              py="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {formatCalendarDate(holiday.date)}
                </Text>
                <KindBadge kind={holiday.kind} />
              </Group>
              <Text size="sm">{holiday.name}</Text>
            </Box>
          ))}
        </Stack>
      )}
      {holidays.data && !editing && holidays.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={520} visibleFrom="sm">
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.holidays.date')}</Table.Th>
                <Table.Th>{t('staff.holidays.kind')}</Table.Th>
                <Table.Th>{t('staff.holidays.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {holidays.data.items.map((holiday) => (
                <Table.Tr key={`${holiday.date}-${holiday.name}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatCalendarDate(holiday.date)}
                  </Table.Td>
                  <Table.Td>
                    <KindBadge kind={holiday.kind} />
                  </Table.Td>
                  <Table.Td>{holiday.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
