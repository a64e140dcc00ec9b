import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Complaint } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

/** The deadline the complaint waits for now (to verify, then to respond), red once past. */
export function ComplaintDue({ complaint: c, timeZone }: { complaint: Complaint; timeZone: string }) {
  const { t } = useTranslation();
  if (!c.due_at) {
    return (
      <Text size="sm" c="dimmed">
        {t('complaintDesk.desk.noDue')}
      </Text>
    );
  }
  const date = formatDateTime(c.due_at, timeZone);
  return (
    <Text size="sm" c={c.overdue ? 'red.9' : undefined} fw={c.overdue ? 600 : undefined}>
      {c.status === 'received' ? t('complaintDesk.desk.verifyDue', { date }) : t('complaintDesk.desk.respondDue', { date })}
    </Text>
  );
}
