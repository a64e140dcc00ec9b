import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { WalkinFigures } from '@/lib/api/types';

import { formatMinutes } from '../utils/format';

type Row = WalkinFigures & { key: string; name: string };

/** The day's figures per service or desk, with the total as the last row. */
export function StatsTable({ rows, total, caption, maxWaitMinutes }: { rows: Row[]; total: WalkinFigures; caption: string; maxWaitMinutes: number }) {
  const { t } = useTranslation();
  const cells = (f: WalkinFigures) => (
    <>
      <Table.Td ta="right">{f.taken}</Table.Td>
      <Table.Td ta="right">{f.served}</Table.Td>
      <Table.Td ta="right">{f.no_shows}</Table.Td>
      <Table.Td ta="right">{f.transferred}</Table.Td>
      <Table.Td ta="right">{f.cancelled + f.not_served}</Table.Td>
      <Table.Td ta="right">{formatMinutes(f.median_wait_minutes)}</Table.Td>
      <Table.Td ta="right">{formatMinutes(f.p90_wait_minutes)}</Table.Td>
      <Table.Td ta="right" c={f.breaches > 0 ? 'red.8' : undefined} fw={f.breaches > 0 ? 700 : undefined}>
        {f.breaches}
      </Table.Td>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={720} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('walkin.stats.taken')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.served')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.noShows')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.transferred')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.notServed')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.median')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.p90')}</Table.Th>
            <Table.Th ta="right">{t('walkin.stats.breaches', { max: maxWaitMinutes })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row">{row.name}</Table.Th>
              {cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('walkin.stats.total')}</Table.Th>
            {cells(total)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
