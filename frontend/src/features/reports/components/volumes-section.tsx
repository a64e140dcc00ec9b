import '@mantine/charts/styles.css';

import { BarChart, DonutChart } from '@mantine/charts';
import { SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { categories } from '@/lib/api/categories';
import type { Category, ConsultationChannel, ConsultationStatus, Interval, VolumeReport } from '@/lib/api/types';

import type { ReportParams } from '../api/query-keys';
import { complaintsLink, consultationsLink } from '../utils/drill-down';
import { formatCount, formatPercent } from '../utils/format';

import { CountTable } from './count-table';
import { ReportSection, ReportSubsection } from './report-section';
import { Stat } from './stat';

const intervals: Interval[] = ['day', 'week', 'month'];
const consultationChannels: ConsultationChannel[] = ['online', 'walk_in'];
const consultationStatuses: ConsultationStatus[] = ['waiting', 'active', 'closed'];
const complaintKinds = ['complaint', 'suggestion', 'appreciation', 'information'] as const;
const complaintChannels = ['web', 'suggestion_box', 'email', 'whatsapp', 'social_media', 'phone', 'in_person', 'lapor'] as const;
const channelColors: Record<ConsultationChannel, string> = { online: 'indigo.7', walk_in: 'orange.8' };

const known = <T extends string>(list: readonly T[], key: string): key is T => list.some((k) => k === key);

type VolumesSectionProps = {
  report: VolumeReport | undefined;
  error: unknown;
  params: ReportParams;
  interval: Interval;
  onInterval: (interval: Interval) => void;
};

/** How much was asked: consultations over time and by channel, tickets, complaints, self-service. */
export function VolumesSection({ report, error, params, interval, onInterval }: VolumesSectionProps) {
  const { t } = useTranslation();
  const channelLabel = (key: string) => (known(consultationChannels, key) ? t(`consultations.channels.${key}`) : key);
  const categoryLabel = (key: string) => (known<Category>(categories, key) ? t(`consultations.categories.${key}.label`) : key);
  const statusLabel = (key: string) => (known(consultationStatuses, key) ? t(`consultations.status.${key}`) : key);
  const kindLabel = (key: string) => (known(complaintKinds, key) ? t(`reports.complaintKinds.${key}`) : key);
  const complaintChannelLabel = (key: string) => (known(complaintChannels, key) ? t(`reports.complaintChannels.${key}`) : key);

  const intervalControl = (
    <SegmentedControl
      className="report-no-print"
      aria-label={t('reports.filters.interval')}
      value={interval}
      onChange={onInterval}
      data={intervals.map((i) => ({ value: i, label: t(`reports.filters.intervals.${i}`) }))}
    />
  );

  if (error) {
    return (
      <ReportSection title={t('reports.volumes.title')}>
        <ErrorAlert error={error} />
      </ReportSection>
    );
  }
  if (!report) {
    return (
      <ReportSection title={t('reports.volumes.title')}>
        <Skeleton h={240} />
      </ReportSection>
    );
  }

  const { consultations, knowledge } = report;
  const seriesData = consultations.series.map((bucket) => ({
    bucket: bucket.bucket,
    ...Object.fromEntries(consultationChannels.map((c) => [c, bucket.by_channel.find((x) => x.key === c)?.count ?? 0])),
  }));
  const donutData = consultations.by_channel
    .filter((row) => row.count > 0)
    .map((row) => ({
      name: channelLabel(row.key),
      value: row.count,
      color: known(consultationChannels, row.key) ? channelColors[row.key] : 'gray.7',
    }));

  return (
    <ReportSection title={t('reports.volumes.title')} action={intervalControl}>
      <Stack gap="lg">
        <ReportSubsection title={t('reports.volumes.consultations')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Stat
              label={t('reports.volumes.total')}
              value={formatCount(consultations.total)}
              to={consultationsLink(params)}
              linkLabel={t('reports.drill.consultations')}
            />
          </SimpleGrid>
          {consultations.total === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.empty')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <div style={{ gridColumn: 'span 2', minWidth: 0 }} className="report-span">
                <Text fw={600} size="sm" mb="xs">
                  {t('reports.volumes.series')}
                </Text>
                {/* The same figures are in the table below, which screen readers read instead. */}
                <div aria-hidden className="report-chart">
                  <BarChart
                    h={240}
                    data={seriesData}
                    dataKey="bucket"
                    type="stacked"
                    withLegend
                    withTooltip={false}
                    series={consultationChannels.map((c) => ({ name: c, label: channelLabel(c), color: channelColors[c] }))}
                    valueFormatter={(value) => formatCount(value)}
                    accessibilityLayer={false}
                  />
                </div>
              </div>
              <div>
                <Text fw={600} size="sm" mb="xs">
                  {t('reports.volumes.byChannel')}
                </Text>
                <div aria-hidden className="report-chart">
                  <DonutChart data={donutData} withLabels withTooltip={false} accessibilityLayer={false} pieProps={{ rootTabIndex: -1 }} chartLabel={formatCount(consultations.total)} size={160} thickness={28} mx="auto" />
                </div>
              </div>
            </SimpleGrid>
          )}
          <Table.ScrollContainer minWidth={360} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('reports.volumes.series') } }}>
            <Table verticalSpacing={4} captionSide="top">
              <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)">
                {t('reports.volumes.series')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.volumes.bucket')}</Table.Th>
                  {consultationChannels.map((c) => (
                    <Table.Th key={c} ta="right">
                      {channelLabel(c)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('reports.volumes.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {consultations.series.map((bucket) => (
                  <Table.Tr key={bucket.bucket}>
                    <Table.Td>{bucket.bucket}</Table.Td>
                    {consultationChannels.map((c) => (
                      <Table.Td key={c} ta="right">
                        {formatCount(bucket.by_channel.find((x) => x.key === c)?.count ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{formatCount(bucket.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <CountTable
              caption={t('reports.volumes.byChannel')}
              keyHeader={t('reports.volumes.byChannel')}
              rows={consultations.by_channel}
              label={channelLabel}
              linkOf={(key) => (known(consultationChannels, key) ? consultationsLink(params, { channel: key }) : undefined)}
            />
            <CountTable
              caption={t('reports.volumes.byCategory')}
              keyHeader={t('reports.volumes.byCategory')}
              rows={consultations.by_category}
              label={categoryLabel}
              linkOf={(key) => (known<Category>(categories, key) ? consultationsLink(params, { category: key }) : undefined)}
            />
            <CountTable
              caption={t('reports.volumes.byStatus')}
              keyHeader={t('reports.volumes.byStatus')}
              rows={consultations.by_status}
              label={statusLabel}
              linkOf={(key) => (known(consultationStatuses, key) ? consultationsLink(params, { status: key }) : undefined)}
            />
          </SimpleGrid>
        </ReportSubsection>

        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <CountTable caption={t('reports.volumes.ticketsByService')} keyHeader={t('reports.volumes.service')} rows={report.tickets_by_service} label={(key) => key} />
          <CountTable
            caption={t('reports.volumes.complaintsByKind')}
            keyHeader={t('reports.volumes.complaintsByKind')}
            rows={report.complaints_by_kind}
            label={kindLabel}
            linkOf={(kind) => complaintsLink(params, { kind })}
          />
          <CountTable
            caption={t('reports.volumes.complaintsByChannel')}
            keyHeader={t('reports.volumes.complaintsByChannel')}
            rows={report.complaints_by_channel}
            label={complaintChannelLabel}
            linkOf={(channel) => complaintsLink(params, { channel })}
          />
        </SimpleGrid>

        <ReportSubsection title={t('reports.volumes.knowledge')}>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Stat label={t('reports.volumes.deflectionRate')} value={formatPercent(knowledge.deflection_rate_percent)} />
            <Stat label={t('reports.volumes.searches')} value={formatCount(knowledge.searches)} />
            <Stat label={t('reports.volumes.deflections')} value={formatCount(knowledge.deflections)} />
          </SimpleGrid>
        </ReportSubsection>
      </Stack>
    </ReportSection>
  );
}
