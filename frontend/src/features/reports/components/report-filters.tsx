import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Unit } from '@/lib/api/types';

import { isPreset, presets, type Preset } from '../utils/period';

export type FilterState = {
  preset: Preset;
  customFrom: string;
  customTo: string;
  unit: string;
  includeChildren: boolean;
};

type ReportFiltersProps = {
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** The units the reader may pick; no picker when there is only one. */
  units: Unit[];
  hasChildren: boolean;
  rangeError: boolean;
};

/** The period (a preset or two dates), the unit, and whether the units below it count too. */
export function ReportFilters({ value, onChange, units, hasChildren, rangeError }: ReportFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" className="report-no-print" component="form" role="search" aria-label={t('reports.filters.title')} onSubmit={(e) => e.preventDefault()}>
      <Select
        label={t('reports.filters.preset')}
        allowDeselect={false}
        value={value.preset}
        onChange={(preset) => isPreset(preset) && set({ preset })}
        data={presets.map((p) => ({ value: p, label: t(`reports.filters.presets.${p}`) }))}
        w={{ base: '100%', xs: 180 }}
      />
      {value.preset === 'custom' && (
        <>
          <TextInput
            type="date"
            label={t('reports.filters.from')}
            value={value.customFrom}
            onChange={(e) => set({ customFrom: e.currentTarget.value })}
            w={{ base: '100%', xs: 170 }}
          />
          <TextInput
            type="date"
            label={t('reports.filters.to')}
            value={value.customTo}
            onChange={(e) => set({ customTo: e.currentTarget.value })}
            error={rangeError ? t('reports.filters.invalidRange') : undefined}
            w={{ base: '100%', xs: 170 }}
          />
        </>
      )}
      {units.length > 1 && (
        <Select
          label={t('reports.filters.unit')}
          searchable
          allowDeselect={false}
          value={value.unit}
          onChange={(unit) => unit && set({ unit })}
          data={units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
          w={{ base: '100%', sm: 320 }}
        />
      )}
      {hasChildren && (
        <Switch
          label={t('reports.filters.includeChildren')}
          checked={value.includeChildren}
          onChange={(e) => set({ includeChildren: e.currentTarget.checked })}
          mb={8}
        />
      )}
    </Group>
  );
}
