import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import type { Me } from '@/lib/api/types';

import { filtersFrom, searchOf, type DeskFilters } from '../utils/desk-filters';
import { complaintIntakes, complaintKinds, deskStatuses, oneOf } from '../utils/options';

import { ComplaintForm } from './complaint-form';
import { ComplaintTable } from './complaint-table';

const PER_PAGE = 20;
const overdueChoices = ['true', 'false'] as const;

type ComplaintDeskProps = {
  viewer: Me;
  zoneOf: (unitCode: string) => string;
  /** Whether the viewer reads more than one unit (an admin, or a unit with units below). */
  severalUnits: boolean;
};

/**
 * The unit's complaints with their filters, kept in the URL so a report's figure can link here
 * and a reload or a shared link shows the same list; staff also record complaints from here.
 */
export function ComplaintDesk({ viewer, zoneOf, severalUnits }: ComplaintDeskProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const [recording, record] = useDisclosure(false);
  const any = t('complaintDesk.desk.filters.any');

  const update = (change: Partial<DeskFilters>) =>
    setSearch(searchOf({ ...filters, page: 1, ...change }), { replace: true });

  const recordUnit = filters.unit ?? viewer.unit_code ?? null;
  const mayRecord = viewer.role !== 'front_office' && recordUnit !== null && (viewer.role === 'admin' || recordUnit === viewer.unit_code);
  const filtered = searchOf({ ...filters, page: 1 }).size > 0;

  return (
    <Stack gap="md">
      {mayRecord && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={record.open}>
            {t('complaintDesk.record.open')}
          </Button>
        </Group>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('complaintDesk.desk.filters.status')}
          placeholder={any}
          clearable
          value={filters.status}
          onChange={(v) => update({ status: oneOf(deskStatuses, v) })}
          data={deskStatuses.map((s) => ({ value: s, label: t(`complaintDesk.status.${s}`) }))}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('complaintDesk.desk.filters.kind')}
          placeholder={any}
          clearable
          value={filters.kind}
          onChange={(v) => update({ kind: oneOf(complaintKinds, v) })}
          data={complaintKinds.map((k) => ({ value: k, label: t(`reports.complaintKinds.${k}`) }))}
          w={{ base: '100%', xs: 190 }}
        />
        <Select
          label={t('complaintDesk.desk.filters.channel')}
          placeholder={any}
          clearable
          value={filters.channel}
          onChange={(v) => update({ channel: oneOf(complaintIntakes, v) })}
          data={complaintIntakes.map((c) => ({ value: c, label: t(`reports.complaintChannels.${c}`) }))}
          w={{ base: '100%', xs: 170 }}
        />
        <Select
          label={t('complaintDesk.desk.filters.overdue')}
          placeholder={any}
          clearable
          value={filters.overdue === null ? null : String(filters.overdue)}
          onChange={(v) => {
            const choice = oneOf(overdueChoices, v);
            update({ overdue: choice === null ? null : choice === 'true' });
          }}
          data={[
            { value: 'true', label: t('complaintDesk.desk.filters.overdueOnly') },
            { value: 'false', label: t('complaintDesk.desk.filters.onTime') },
          ]}
          w={{ base: '100%', xs: 180 }}
        />
        {(severalUnits || filters.unit) && (
          <TextInput
            label={t('complaintDesk.desk.filters.unit')}
            placeholder={viewer.unit_code ?? ''}
            defaultValue={filters.unit ?? ''}
            key={filters.unit ?? ''}
            onBlur={(event) => update({ unit: event.currentTarget.value.trim() || null })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') update({ unit: event.currentTarget.value.trim() || null });
            }}
            w={{ base: '100%', xs: 120 }}
          />
        )}
        <TextInput
          type="date"
          label={t('complaintDesk.desk.filters.from')}
          value={filters.from ?? ''}
          onChange={(event) => update({ from: event.currentTarget.value || null })}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          type="date"
          label={t('complaintDesk.desk.filters.to')}
          value={filters.to ?? ''}
          onChange={(event) => update({ to: event.currentTarget.value || null })}
          w={{ base: '100%', xs: 170 }}
        />
        {filtered && (
          <Button variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
            {t('complaintDesk.desk.filters.clear')}
          </Button>
        )}
      </Group>
      {/* An admin belongs to no unit: the list waits until one is named. */}
      {viewer.role === 'admin' && !filters.unit ? (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('complaintDesk.desk.pickUnit')}
        </Alert>
      ) : (
        <ComplaintTable
          query={{
            unit: filters.unit ?? undefined,
            status: filters.status ?? undefined,
            kind: filters.kind ?? undefined,
            channel: filters.channel ?? undefined,
            overdue: filters.overdue ?? undefined,
            from: filters.from ?? undefined,
            to: filters.to ?? undefined,
            page: filters.page,
            perPage: PER_PAGE,
          }}
          onPage={(page) => setSearch(searchOf({ ...filters, page }))}
          zoneOf={zoneOf}
        />
      )}
      {mayRecord && recordUnit && (
        <Modal opened={recording} onClose={record.close} title={t('complaintDesk.record.title')} size="lg">
          <Text size="sm" c="dimmed" mb="md">
            {t('complaintDesk.record.lead')}
          </Text>
          <ComplaintForm
            unitCode={recordUnit}
            viewer={viewer}
            recording
            onFiled={(receipt) => {
              notifications.show({ color: 'green', message: t('complaintDesk.record.done', { code: receipt.tracking_code }) });
              record.close();
            }}
          />
        </Modal>
      )}
    </Stack>
  );
}
