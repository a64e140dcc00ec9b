import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { ReportCount } from '@/lib/api/types';

import { formatCount, formatShare } from '../utils/format';

type CountTableProps = {
  caption: string;
  keyHeader: string;
  rows: ReportCount[];
  label: (key: string) => string;
  /** Where the records behind a row are listed, when the app lists them. */
  linkOf?: (key: string) => string | undefined;
};

/** Counts by some key, with each one's share of their total. */
export function CountTable({ caption, keyHeader, rows, label, linkOf }: CountTableProps) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <div>
        <Text fw={600} size="sm">
          {caption}
        </Text>
        <Text size="sm" c="dimmed">
          {t('reports.empty')}
        </Text>
      </div>
    );
  }
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <Table.ScrollContainer minWidth={280} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption } }}>
      <Table verticalSpacing={4} captionSide="top">
        <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{keyHeader}</Table.Th>
            <Table.Th ta="right">{t('reports.volumes.count')}</Table.Th>
            <Table.Th ta="right">{t('reports.volumes.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const to = linkOf?.(row.key);
            return (
              <Table.Tr key={row.key}>
                <Table.Td>
                  {to ? (
                    <Anchor component={Link} to={to} size="sm">
                      {label(row.key)}
                    </Anchor>
                  ) : (
                    label(row.key)
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatCount(row.count)}</Table.Td>
                <Table.Td ta="right">{formatShare(row.count, total)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
