import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { GuestbookEntry } from '@/lib/api/types';
import { formatTime, formatDateTime } from '@/lib/format/date-time';

type GuestbookListProps = {
  entries: GuestbookEntry[];
  timeZone: string;
  /** Show the date, not only the time (a lookup spans days). */
  withDate?: boolean;
  onUse?: (entry: GuestbookEntry) => void;
  caption: string;
};

/** Guest-book entries as a table that scrolls sideways on a phone. */
export function GuestbookList({ entries, timeZone, withDate = false, onUse, caption }: GuestbookListProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('walkin.guestbook.time')}</Table.Th>
            <Table.Th>{t('walkin.guestbook.fullName')}</Table.Th>
            <Table.Th>{t('walkin.guestbook.idNumber')}</Table.Th>
            <Table.Th>{t('walkin.guestbook.purpose')}</Table.Th>
            <Table.Th>{t('walkin.guestbook.ticket')}</Table.Th>
            {onUse && <Table.Th>{t('walkin.guestbook.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {withDate ? formatDateTime(entry.created_at, timeZone) : formatTime(entry.created_at, timeZone)}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={600}>{entry.full_name}</Text>
                  <Text size="xs" c="dimmed">{entry.email}</Text>
                  {entry.institution && <Text size="xs" c="dimmed">{entry.institution}</Text>}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t(`walkin.idTypes.${entry.id_type}`)} {entry.id_number_masked}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>{entry.purpose}</Text>
                {entry.previous_visits > 0 && (
                  <Badge size="sm" variant="light" mt={4}>
                    {t('walkin.guestbook.previousVisits', { count: entry.previous_visits })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{entry.ticket_number ?? '—'}</Table.Td>
              {onUse && (
                <Table.Td>
                  <Group>
                    <Button size="xs" variant="default" onClick={() => onUse(entry)}>
                      {t('walkin.guestbook.use')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
