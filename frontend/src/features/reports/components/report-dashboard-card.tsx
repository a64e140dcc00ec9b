import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useSatisfactionReport } from '../api/get-satisfaction';
import { formatIkm } from '../utils/format';
import { presetRange } from '../utils/period';

type ReportDashboardCardProps = { unitCode: string; timeZone: string };

/** On a supervisor's dashboard: this month's satisfaction index of the unit, and the way to the reports. */
export function ReportDashboardCard({ unitCode, timeZone }: ReportDashboardCardProps) {
  const { t } = useTranslation();
  const month = presetRange('month', timeZone);
  const report = useSatisfactionReport({ unit: unitCode, ...month, includeChildren: false });
  const figures = report.data?.all;
  const title = t('reports.dashboardCard.title');
  let summary = '…';
  if (report.isError) summary = t('reports.dashboardCard.unavailable');
  else if (figures && (figures.ikm === null || figures.ikm === undefined)) summary = t('reports.dashboardCard.none');
  else if (figures)
    summary = t('reports.dashboardCard.ikm', {
      ikm: formatIkm(figures.ikm),
      grade: figures.grade ?? '',
      label: figures.grade_label ?? '',
      count: figures.respondents,
    });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon variant="light" size="xl" radius="md" aria-hidden>
            <IconReportAnalytics size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm">{summary}</Text>
          </Stack>
        </Group>
        <Button component={Link} to={paths.staffReports}>
          {t('reports.dashboardCard.open')}
        </Button>
      </Group>
    </Card>
  );
}
