import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { Unit } from '@/lib/api/types';

import type { RatingFilters as Filters } from '../api/query-keys';
import { channels, followUpStates } from '../utils/filters';

type RatingFiltersProps = {
  value: Filters;
  onChange: (next: Filters) => void;
  /** The units the reader may pick; no picker when there is only one. */
  units: Unit[];
};

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((v) => v === value);

/** Unit, days, channel, whether a follow-up is needed, and its state. */
export function RatingFilters({ value, onChange, units }: RatingFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const any = t('ratingDesk.filters.any');
  const flag = value.needsFollowUp === undefined ? null : String(value.needsFollowUp);
  const filtered = Object.values(value).some((v) => v !== undefined);
  return (
    <Group
      align="flex-end"
      gap="sm"
      wrap="wrap"
      component="form"
      role="search"
      aria-label={t('ratingDesk.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      {units.length > 1 && (
        <Select
          label={t('ratingDesk.filters.unit')}
          placeholder={any}
          searchable
          clearable
          value={value.unit ?? null}
          onChange={(unit) => set({ unit: unit ?? undefined })}
          data={units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
          w={{ base: '100%', sm: 300 }}
        />
      )}
      <TextInput
        type="date"
        label={t('ratingDesk.filters.from')}
        value={value.from ?? ''}
        onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        w={{ base: '100%', xs: 170 }}
      />
      <TextInput
        type="date"
        label={t('ratingDesk.filters.to')}
        value={value.to ?? ''}
        onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        w={{ base: '100%', xs: 170 }}
      />
      <Select
        label={t('ratingDesk.filters.channel')}
        placeholder={any}
        clearable
        value={value.channel ?? null}
        onChange={(v) => set({ channel: oneOf(channels, v) })}
        data={channels.map((c) => ({ value: c, label: t(`consultations.channels.${c}`) }))}
        w={{ base: '100%', xs: 150 }}
      />
      <Select
        label={t('ratingDesk.filters.needsFollowUp')}
        placeholder={any}
        clearable
        value={flag}
        onChange={(v) => set({ needsFollowUp: v === 'true' ? true : v === 'false' ? false : undefined })}
        data={[
          { value: 'true', label: t('ratingDesk.filters.yes') },
          { value: 'false', label: t('ratingDesk.filters.no') },
        ]}
        w={{ base: '100%', xs: 170 }}
      />
      <Select
        label={t('ratingDesk.filters.state')}
        placeholder={any}
        clearable
        value={value.state ?? null}
        onChange={(v) => set({ state: oneOf(followUpStates, v) })}
        data={followUpStates.map((s) => ({ value: s, label: t(`ratingDesk.states.${s}`) }))}
        w={{ base: '100%', xs: 220 }}
      />
      {filtered && (
        <Button variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={() => onChange({})}>
          {t('ratingDesk.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
