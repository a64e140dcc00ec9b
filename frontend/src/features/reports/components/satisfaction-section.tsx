import '@mantine/charts/styles.css';

import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import type { SatisfactionReport, SkmFigures } from '@/lib/api/types';

import type { ReportParams } from '../api/query-keys';
import { ratingsLink } from '../utils/drill-down';
import { formatCount, formatDecimal, formatIkm } from '../utils/format';

import { ReportSection, ReportSubsection } from './report-section';

const channels = ['all', 'online', 'walk_in'] as const;
const profileGroups = ['gender', 'age_group', 'education', 'occupation'] as const;

type SatisfactionSectionProps = {
  report: SatisfactionReport | undefined;
  error: unknown;
  params: ReportParams;
};

function IkmFigure({ figures, params }: { figures: SkmFigures; params: ReportParams }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm" c="dimmed">
        {t('reports.satisfaction.ikm')}
      </Text>
      <Text fz={56} fw={800} lh={1} data-testid="ikm">
        {formatIkm(figures.ikm)}
      </Text>
      {figures.grade && (
        <Text fw={700} size="lg">
          {t('reports.satisfaction.grade', { grade: figures.grade })}
          {figures.grade_label ? ` · ${figures.grade_label}` : ''}
        </Text>
      )}
      <Anchor component={Link} to={ratingsLink(params)}>
        {t('reports.satisfaction.respondents', { count: figures.respondents, formatted: formatCount(figures.respondents) })}
      </Anchor>
    </Stack>
  );
}

function ElementChart({ figures }: { figures: SkmFigures }) {
  const { t } = useTranslation();
  const data = figures.elements.map((e) => ({ element: e.element.toUpperCase(), nrr: e.nrr ?? 0 }));
  return (
    <ReportSubsection title={t('reports.satisfaction.elements')}>
      <Text size="sm" c="dimmed">
        {t('reports.satisfaction.elementsLead')}
      </Text>
      {/* The same figures are in the table below, which screen readers read instead. */}
      <div aria-hidden className="report-chart">
        <BarChart
          h={240}
          data={data}
          dataKey="element"
          series={[{ name: 'nrr', label: t('reports.satisfaction.nrr'), color: 'teal.8' }]}
          yAxisProps={{ domain: [0, 4], ticks: [0, 1, 2, 3, 4] }}
          valueFormatter={(value) => formatDecimal(value, 2)}
          withTooltip={false}
          withBarValueLabel
          accessibilityLayer={false}
        />
      </div>
      <Table.ScrollContainer minWidth={480} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('reports.satisfaction.elements') } }}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.satisfaction.element')}</Table.Th>
              <Table.Th ta="right">{t('reports.satisfaction.sum')}</Table.Th>
              <Table.Th ta="right">{t('reports.satisfaction.nrr')}</Table.Th>
              <Table.Th ta="right">{t('reports.satisfaction.nrrWeighted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.elements.map((e) => (
              <Table.Tr key={e.element}>
                <Table.Td>
                  {e.element.toUpperCase()} · {e.name}
                </Table.Td>
                <Table.Td ta="right">{formatCount(e.sum)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(e.nrr, 2)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(e.nrr_weighted, 3)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ReportSubsection>
  );
}

function ChannelTable({ report, params }: { report: SatisfactionReport; params: ReportParams }) {
  const { t } = useTranslation();
  return (
    <ReportSubsection title={t('reports.satisfaction.byChannel')}>
      <Table.ScrollContainer minWidth={360} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('reports.satisfaction.byChannel') } }}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.volumes.byChannel')}</Table.Th>
              <Table.Th ta="right">{t('reports.satisfaction.respondentsColumn')}</Table.Th>
              <Table.Th ta="right">IKM</Table.Th>
              <Table.Th>{t('reports.satisfaction.grade', { grade: '' }).trim()}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {channels.map((channel) => {
              const figures = report[channel];
              return (
                <Table.Tr key={channel}>
                  <Table.Td>
                    <Anchor component={Link} to={ratingsLink(params, channel === 'all' ? undefined : channel)} size="sm">
                      {t(`reports.satisfaction.channels.${channel}`)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(figures.respondents)}</Table.Td>
                  <Table.Td ta="right">{formatIkm(figures.ikm)}</Table.Td>
                  <Table.Td>{figures.grade ? `${figures.grade} · ${figures.grade_label ?? ''}` : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ReportSubsection>
  );
}

function Profile({ report }: { report: SatisfactionReport }) {
  const { t } = useTranslation();
  const groups = profileGroups.filter((group) => report.profile[group].length > 0);
  if (groups.length === 0) return null;
  return (
    <ReportSubsection title={t('reports.satisfaction.profile')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {groups.map((group) => (
          <Table key={group} verticalSpacing={2} captionSide="top">
            <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)">
              {t(`reports.satisfaction.profileGroups.${group}`)}
            </Table.Caption>
            <Table.Tbody>
              {report.profile[group].map((row) => (
                <Table.Tr key={row.value ?? ''}>
                  <Table.Th scope="row" fw={400}>{row.value ?? t('reports.satisfaction.unknown')}</Table.Th>
                  <Table.Td ta="right">{formatCount(row.respondents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </SimpleGrid>
    </ReportSubsection>
  );
}

/** The SKM: the index big with its grade, the nine elements as bars and as a table, the channels. */
export function SatisfactionSection({ report, error, params }: SatisfactionSectionProps) {
  const { t } = useTranslation();
  return (
    <ReportSection title={t('reports.satisfaction.title')}>
      {error ? (
        <ErrorAlert error={error} />
      ) : !report ? (
        <Skeleton h={240} />
      ) : report.all.respondents === 0 ? (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('reports.satisfaction.noRespondents')}
        </Alert>
      ) : (
        <Stack gap="lg">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <IkmFigure figures={report.all} params={params} />
          </Group>
          <ElementChart figures={report.all} />
          <ChannelTable report={report} params={params} />
          <Profile report={report} />
        </Stack>
      )}
    </ReportSection>
  );
}
