import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload, IconMailForward, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { useDownloadCsv, type CsvFile } from '../api/download-csv';
import type { ReportParams } from '../api/query-keys';
import { useSendFeedbackAnalysis } from '../api/send-feedback-analysis';

import { ReportSection } from './report-section';

const downloads = [
  { file: 'satisfaction', label: 'reports.actions.csvSatisfaction' },
  { file: 'service-levels', label: 'reports.actions.csvServiceLevels' },
  { file: 'volumes', label: 'reports.actions.csvVolumes' },
  { file: 'consultations', label: 'reports.actions.exportConsultations' },
  { file: 'ratings', label: 'reports.actions.exportRatings' },
  { file: 'complaints', label: 'reports.actions.exportComplaints' },
] as const satisfies readonly { file: CsvFile; label: string }[];

/** CSV files of the period, the printed report, and the analysis report emailed to the supervisors. */
export function ReportActions({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const download = useDownloadCsv();
  const send = useSendFeedbackAnalysis();
  const pending = download.isPending ? download.variables.file : null;

  return (
    <div className="report-no-print">
      <ReportSection title={t('reports.actions.title')}>
        <Group gap="xs" wrap="wrap">
          {downloads.map(({ file, label }) => (
            <Button
              key={file}
              variant="default"
              size="sm"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={pending === file}
              onClick={() => download.mutate({ file, params })}
            >
              {t(label)}
            </Button>
          ))}
          <Button variant="default" size="sm" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('reports.actions.print')}
          </Button>
        </Group>
        <ErrorAlert error={download.error} />
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('reports.actions.sendLead')}
          </Text>
          <Group>
            <Button
              leftSection={<IconMailForward size={16} aria-hidden />}
              loading={send.isPending}
              onClick={() => send.mutate({ unit_code: params.unit, from: params.from, to: params.to })}
            >
              {t('reports.actions.send')}
            </Button>
          </Group>
          <ErrorAlert error={send.error} />
          {send.data && (
            <Alert color="teal" role="status">
              <Text size="sm">{t('reports.actions.sent', { file: send.data.file_name })}</Text>
              <List size="sm">
                {send.data.recipients.map((email) => (
                  <List.Item key={email}>{email}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </ReportSection>
    </div>
  );
}
