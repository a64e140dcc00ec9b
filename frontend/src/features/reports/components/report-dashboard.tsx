import './report-print.css';

import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '@/lib/api/problem';
import type { Interval, Me, Unit } from '@/lib/api/types';

import { useSatisfactionReport } from '../api/get-satisfaction';
import { useServiceLevelReport } from '../api/get-service-levels';
import { useVolumeReport } from '../api/get-volumes';
import type { ReportParams } from '../api/query-keys';
import { formatReportDate } from '../utils/format';
import { isValidRange, presetRange, todayIn } from '../utils/period';
import { reportableUnits } from '../utils/units';

import { ReportActions } from './report-actions';
import { ReportFilters, type FilterState } from './report-filters';
import { SatisfactionSection } from './satisfaction-section';
import { ServiceLevelsSection } from './service-levels-section';
import { UnitComparison } from './unit-comparison';
import { VolumesSection } from './volumes-section';

const fallbackZone = 'Asia/Jakarta';

type ReportDashboardProps = { user: Me; units: readonly Unit[] };

function Reports({ params, unitName }: { params: ReportParams; unitName: string }) {
  const { t } = useTranslation();
  const [interval, setInterval] = useState<Interval>('month');
  const satisfaction = useSatisfactionReport(params);
  const serviceLevels = useServiceLevelReport(params);
  const volumes = useVolumeReport(params, interval);

  if ([satisfaction.error, serviceLevels.error, volumes.error].some((error) => isApiError(error, 'forbidden'))) {
    return (
      <Alert color="gray" icon={<IconLock />} role="alert">
        {t('reports.forbidden')}
      </Alert>
    );
  }

  return (
    <Stack gap="lg">
      <Text fw={600} aria-live="polite">
        {t('reports.filters.period', { unit: unitName, from: formatReportDate(params.from), to: formatReportDate(params.to) })}
      </Text>
      <ReportActions params={params} />
      <SatisfactionSection report={satisfaction.data} error={satisfaction.error} params={params} />
      {params.includeChildren && (
        <UnitComparison satisfaction={satisfaction.data} serviceLevels={serviceLevels.data} volumes={volumes.data} />
      )}
      <ServiceLevelsSection report={serviceLevels.data} error={serviceLevels.error} params={params} />
      <VolumesSection report={volumes.data} error={volumes.error} params={params} interval={interval} onInterval={setInterval} />
    </Stack>
  );
}

/** The unit's reports for a period: satisfaction, service levels and volumes, with their files. */
export function ReportDashboard({ user, units }: ReportDashboardProps) {
  const { t } = useTranslation();
  const choices = useMemo(() => reportableUnits(user, units), [user, units]);
  const initialUnit = user.unit_code ?? choices.find((u) => !u.parent_code)?.code ?? choices[0]?.code ?? '';
  const [filters, setFilters] = useState<FilterState>(() => {
    const zone = units.find((u) => u.code === initialUnit)?.time_zone ?? fallbackZone;
    const today = todayIn(zone);
    return { preset: 'month', customFrom: presetRange('month', zone).from, customTo: today, unit: initialUnit, includeChildren: false };
  });

  const unit = units.find((u) => u.code === filters.unit);
  const zone = unit?.time_zone ?? fallbackZone;
  const hasChildren = units.some((u) => u.parent_code === filters.unit);
  const range =
    filters.preset === 'custom' ? { from: filters.customFrom, to: filters.customTo } : presetRange(filters.preset, zone);
  const rangeError = !isValidRange(range.from, range.to);
  const params: ReportParams = {
    unit: filters.unit,
    from: range.from,
    to: range.to,
    includeChildren: hasChildren && filters.includeChildren,
  };

  return (
    <Stack gap="lg" className="report-dashboard">
      <div>
        <Title order={1}>{t('reports.title')}</Title>
        <Text c="dimmed">{t('reports.lead')}</Text>
      </div>
      <ReportFilters value={filters} onChange={setFilters} units={choices} hasChildren={hasChildren} rangeError={rangeError} />
      {!rangeError && filters.unit && <Reports params={params} unitName={unit?.name ?? filters.unit} />}
    </Stack>
  );
}
