import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ComplaintStatus } from '@/lib/api/types';

// Light badges only in colours whose text passes AA on their tint; the others white on dark.
const looks: Record<ComplaintStatus, { color: string; variant: 'light' | 'filled' }> = {
  unconfirmed: { color: 'gray', variant: 'light' },
  received: { color: 'blue', variant: 'light' },
  verified: { color: 'blue', variant: 'light' },
  in_progress: { color: 'yellow', variant: 'light' },
  responded: { color: 'blue.8', variant: 'filled' },
  closed: { color: 'teal.9', variant: 'filled' },
  rejected: { color: 'red.9', variant: 'filled' },
  forwarded: { color: 'grape.9', variant: 'filled' },
};

const whole = { textTransform: 'none', minWidth: 'max-content' } as const;

/** The complaint's status, and a red flag once past the deadline it waits for. */
export function ComplaintStatusBadge({ status, overdue = false }: { status: ComplaintStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge {...looks[status]} style={whole}>
        {t(`complaintDesk.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled" style={whole}>
          {t('complaintDesk.desk.overdue')}
        </Badge>
      )}
    </Group>
  );
}
