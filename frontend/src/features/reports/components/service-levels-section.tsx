import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import type { ServiceLevelReport } from '@/lib/api/types';

import type { ReportParams } from '../api/query-keys';
import { complaintsLink, consultationsLink } from '../utils/drill-down';
import { formatCount, formatDecimal, formatPercent } from '../utils/format';

import { ReportSection, ReportSubsection } from './report-section';
import { Stat } from './stat';

type ServiceLevelsSectionProps = { report: ServiceLevelReport | undefined; error: unknown; params: ReportParams };

/** Deadlines kept: online answers, walk-in waits and complaint handling, as cards of figures. */
export function ServiceLevelsSection({ report, error, params }: ServiceLevelsSectionProps) {
  const { t } = useTranslation();
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : t('reports.serviceLevels.minutes', { value: formatDecimal(value) });
  const hours = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : t('reports.serviceLevels.hours', { value: formatDecimal(value) });
  const cols = { base: 2, md: 4 };

  return (
    <ReportSection title={t('reports.serviceLevels.title')}>
      {error ? (
        <ErrorAlert error={error} />
      ) : !report ? (
        <Skeleton h={200} />
      ) : (
        <Stack gap="lg">
          <ReportSubsection title={t('reports.serviceLevels.online')}>
            <SimpleGrid cols={cols}>
              <Stat
                label={t('reports.serviceLevels.withinDeadline')}
                value={formatPercent(report.online.within_deadline_percent)}
                hint={`${formatCount(report.online.answered_within_deadline)} / ${formatCount(report.online.answered)}`}
              />
              <Stat
                label={t('reports.serviceLevels.opened')}
                value={formatCount(report.online.opened)}
                to={consultationsLink(params)}
                linkLabel={t('reports.drill.consultations')}
              />
              <Stat label={t('reports.serviceLevels.clarified')} value={formatCount(report.online.clarified)} />
              <Stat label={t('reports.serviceLevels.answered')} value={formatCount(report.online.answered)} />
              <Stat label={t('reports.serviceLevels.medianFirstResponse')} value={minutes(report.online.median_first_response_minutes)} />
              <Stat label={t('reports.serviceLevels.medianToClose')} value={hours(report.online.median_hours_to_close)} />
              <Stat label={t('reports.serviceLevels.overdueNow')} value={formatCount(report.online.overdue_now)} />
              <Stat label={t('reports.serviceLevels.autoClosed')} value={formatCount(report.online.auto_closed)} />
            </SimpleGrid>
          </ReportSubsection>
          <ReportSubsection title={t('reports.serviceLevels.walkIn')}>
            <SimpleGrid cols={cols}>
              <Stat label={t('reports.serviceLevels.withinMaxWait')} value={formatPercent(report.walk_in.within_max_wait_percent)} />
              <Stat label={t('reports.serviceLevels.tickets')} value={formatCount(report.walk_in.tickets)} />
              <Stat label={t('reports.serviceLevels.served')} value={formatCount(report.walk_in.served)} />
              <Stat label={t('reports.serviceLevels.noShows')} value={formatCount(report.walk_in.no_shows)} />
              <Stat label={t('reports.serviceLevels.medianWait')} value={minutes(report.walk_in.median_wait_minutes)} />
              <Stat label={t('reports.serviceLevels.p90Wait')} value={minutes(report.walk_in.p90_wait_minutes)} />
            </SimpleGrid>
          </ReportSubsection>
          <ReportSubsection title={t('reports.serviceLevels.complaints')}>
            <SimpleGrid cols={cols}>
              <Stat
                label={t('reports.serviceLevels.received')}
                value={formatCount(report.complaints.received)}
                to={complaintsLink(params)}
                linkLabel={t('reports.drill.complaints')}
              />
              <Stat
                label={t('reports.serviceLevels.verifyWithin')}
                value={formatPercent(report.complaints.verify_within_percent)}
                hint={`${formatCount(report.complaints.verified_within_deadline)} / ${formatCount(report.complaints.verified)}`}
                to={complaintsLink(params, { overdue: true })}
                linkLabel={t('complaintDesk.desk.drillOverdue')}
              />
              <Stat
                label={t('reports.serviceLevels.respondWithin')}
                value={formatPercent(report.complaints.respond_within_percent)}
                hint={`${formatCount(report.complaints.responded_within_deadline)} / ${formatCount(report.complaints.responded)}`}
                to={complaintsLink(params, { overdue: true })}
                linkLabel={t('complaintDesk.desk.drillOverdue')}
              />
            </SimpleGrid>
          </ReportSubsection>
        </Stack>
      )}
    </ReportSection>
  );
}
