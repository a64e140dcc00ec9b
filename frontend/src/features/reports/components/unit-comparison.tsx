import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { SatisfactionReport, ServiceLevelReport, VolumeReport } from '@/lib/api/types';

import { formatCount, formatIkm, formatPercent } from '../utils/format';

import { ReportSection } from './report-section';

type UnitComparisonProps = {
  satisfaction: SatisfactionReport | undefined;
  serviceLevels: ServiceLevelReport | undefined;
  volumes: VolumeReport | undefined;
};

/** The unit and each unit below it side by side: index, respondents, deadlines kept, volumes. */
export function UnitComparison({ satisfaction, serviceLevels, volumes }: UnitComparisonProps) {
  const { t } = useTranslation();
  const rows = satisfaction?.units ?? [];
  if (rows.length < 2) return null;
  return (
    <ReportSection title={t('reports.satisfaction.units')}>
      <Table.ScrollContainer minWidth={640} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('reports.satisfaction.units') } }}>
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.satisfaction.unit')}</Table.Th>
              <Table.Th ta="right">IKM</Table.Th>
              <Table.Th>{t('reports.satisfaction.gradeColumn')}</Table.Th>
              <Table.Th ta="right">{t('reports.satisfaction.respondentsColumn')}</Table.Th>
              <Table.Th ta="right">{t('reports.satisfaction.deadlinesKept')}</Table.Th>
              <Table.Th ta="right">{t('reports.volumes.consultations')}</Table.Th>
              <Table.Th ta="right">{t('reports.volumes.complaints')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((unit) => {
              const levels = serviceLevels?.units.find((u) => u.unit_code === unit.unit_code);
              const volume = volumes?.units.find((u) => u.unit_code === unit.unit_code);
              return (
                <Table.Tr key={unit.unit_code}>
                  <Table.Th scope="row" fw={500}>
                    {unit.unit_code} · {unit.unit_name}
                  </Table.Th>
                  <Table.Td ta="right">{formatIkm(unit.all.ikm)}</Table.Td>
                  <Table.Td>{unit.all.grade ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatCount(unit.all.respondents)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(levels?.online.within_deadline_percent)}</Table.Td>
                  <Table.Td ta="right">{volume ? formatCount(volume.consultations) : '—'}</Table.Td>
                  <Table.Td ta="right">{volume ? formatCount(volume.complaints) : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ReportSection>
  );
}
