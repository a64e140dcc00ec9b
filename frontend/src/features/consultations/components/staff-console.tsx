import { Button, Group, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInbox, IconListDetails, IconSearch, IconUserCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { isCategory } from '@/lib/api/categories';
import type { Category, ConsultationChannel, ConsultationStatus } from '@/lib/api/types';
import { formatCalendarDate } from '@/lib/format/date-time';

import { categories } from '../utils/options';
import type { UnitsByCode } from '../utils/unit-lookup';

import { ConsultationTable } from './consultation-table';

const PER_PAGE = 20;
const statuses: ConsultationStatus[] = ['waiting', 'active', 'closed'];
const channels: ConsultationChannel[] = ['online', 'walk_in'];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => list.find((v) => v === value) ?? null;

/** The days and unit a link opened the list with (a report's figure), while they are kept. */
type Period = { from: string; to: string; unit?: string };

function periodOf(search: URLSearchParams): Period | null {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  if (!isoDate.test(from) || !isoDate.test(to)) return null;
  return { from, to, unit: search.get('unit') ?? undefined };
}

type Tab = 'queue' | 'mine' | 'all';

type StaffConsoleProps = { units: UnitsByCode; showUnit: boolean };

function AllTab({ units, showUnit }: StaffConsoleProps) {
  const { t } = useTranslation();
  // A link from a report opens the list with the filters of its figure.
  const [linked] = useSearchParams();
  const [status, setStatus] = useState<ConsultationStatus | null>(() => oneOf(statuses, linked.get('status')));
  const [category, setCategory] = useState<Category | null>(() => {
    const given = linked.get('category');
    return isCategory(given) ? given : null;
  });
  const [channel, setChannel] = useState<ConsultationChannel | null>(() => oneOf(channels, linked.get('channel')));
  const [period, setPeriod] = useState<Period | null>(() => periodOf(linked));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const any = t('consultations.console.filters.any');

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('consultations.console.filters.status')}
          placeholder={any}
          clearable
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={statuses.map((s) => ({ value: s, label: t(`consultations.status.${s}`) }))}
          w={{ base: '100%', xs: 160 }}
        />
        <Select
          label={t('consultations.console.filters.category')}
          placeholder={any}
          clearable
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          data={categories.map((c) => ({ value: c, label: t(`consultations.categories.${c}.label`) }))}
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('consultations.console.filters.channel')}
          placeholder={any}
          clearable
          value={channel}
          onChange={(v) => {
            setChannel(oneOf(channels, v));
            setPage(1);
          }}
          data={channels.map((c) => ({ value: c, label: t(`consultations.channels.${c}`) }))}
          w={{ base: '100%', xs: 160 }}
        />
        <TextInput
          label={t('consultations.console.filters.q')}
          placeholder={t('consultations.console.filters.qPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, minWidth: 220 }}
        />
      </Group>
      {period && (
        <Group gap="xs">
          <Text size="sm">
            {t('consultations.console.filters.period', { from: formatCalendarDate(period.from), to: formatCalendarDate(period.to) })}
            {period.unit ? ` · ${units.get(period.unit)?.name ?? period.unit}` : ''}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              setPeriod(null);
              setPage(1);
            }}
          >
            {t('consultations.console.filters.clearPeriod')}
          </Button>
        </Group>
      )}
      <ConsultationTable
        query={{
          status: status ?? undefined,
          category: category ?? undefined,
          channel: channel ?? undefined,
          q,
          ...(period ?? {}),
          page,
          perPage: PER_PAGE,
        }}
        onPage={setPage}
        units={units}
        showUnit={showUnit}
        emptyText={t('consultations.console.empty.all')}
      />
    </Stack>
  );
}

function ListTab({ kind, units, showUnit }: StaffConsoleProps & { kind: 'queue' | 'mine' }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query =
    kind === 'queue'
      ? { status: 'waiting' as const, page, perPage: PER_PAGE }
      : { status: 'active' as const, mine: true, page, perPage: PER_PAGE };
  return (
    <ConsultationTable
      query={query}
      onPage={setPage}
      units={units}
      showUnit={showUnit}
      emptyText={t(`consultations.console.empty.${kind}`)}
    />
  );
}

/** The unit's online consultations: the queue, one's own, and all with filters; live. */
export function StaffConsole({ units, showUnit }: StaffConsoleProps) {
  const { t } = useTranslation();
  const [linked] = useSearchParams();
  const [tab, setTab] = useState<Tab>(() => (linked.get('tab') === 'all' ? 'all' : 'queue'));
  return (
    <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'queue')} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="queue" leftSection={<IconInbox size={16} />}>
          {t('consultations.console.tabs.queue')}
        </Tabs.Tab>
        <Tabs.Tab value="mine" leftSection={<IconUserCheck size={16} />}>
          {t('consultations.console.tabs.mine')}
        </Tabs.Tab>
        <Tabs.Tab value="all" leftSection={<IconListDetails size={16} />}>
          {t('consultations.console.tabs.all')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="queue">
        <ListTab kind="queue" units={units} showUnit={showUnit} />
      </Tabs.Panel>
      <Tabs.Panel value="mine">
        <ListTab kind="mine" units={units} showUnit={showUnit} />
      </Tabs.Panel>
      <Tabs.Panel value="all">
        <AllTab units={units} showUnit={showUnit} />
      </Tabs.Panel>
    </Tabs>
  );
}
