import { Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconMessage, IconProgress, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { ComplaintEventKind, ComplaintStatus, PersonRef } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

/** One step of the history, as the tracking page and the staff's detail both have it. */
export type HistoryStep = {
  kind: ComplaintEventKind;
  status: ComplaintStatus;
  body?: string | null;
  created_at: string;
  /** Staff only: who did it (none for the complainant and the system). */
  author?: PersonRef | null;
};

const icons = {
  status: <IconProgress size={14} />,
  response: <IconMessage size={14} />,
  reply: <IconArrowBackUp size={14} />,
  assigned: <IconUserCheck size={14} />,
} as const;

type ComplaintHistoryProps = {
  steps: HistoryStep[];
  timeZone: string;
  /** Staff read who did each step. */
  showAuthors?: boolean;
};

/** The complaint's history, oldest first: status changes, the unit's responses, the replies. */
export function ComplaintHistory({ steps, timeZone, showAuthors = false }: ComplaintHistoryProps) {
  const { t } = useTranslation();
  return (
    <Timeline active={steps.length - 1} bulletSize={24} lineWidth={2}>
      {steps.map((step, index) => {
        const title = step.kind === 'status' ? t(`complaintDesk.status.${step.status}`) : t(`complaintDesk.track.events.${step.kind}`);
        const by = step.author
          ? t('complaintDesk.detail.by', { name: step.author.full_name })
          : step.kind === 'reply'
            ? t('complaintDesk.detail.byComplainant')
            : null;
        return (
          <Timeline.Item key={index} bullet={icons[step.kind]} title={title}>
            <Text size="xs" c="dimmed">
              {formatDateTime(step.created_at, timeZone)}
              {showAuthors && by ? ` · ${by}` : ''}
            </Text>
            {step.body && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {step.body}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
