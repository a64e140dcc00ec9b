import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { UnitSettings } from '@/lib/api/types';

// The backend's defaults when a unit has not set its own.
const defaults = { verify: 3, respond: 5, autoClose: 10 };

/** The unit's complaint deadlines in plain words, from its settings. */
export function ComplaintDeadlines({ settings }: { settings: UnitSettings }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t('complaintDesk.deadlines.title')}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          {t('complaintDesk.deadlines.verify', { count: settings.complaint_verify_working_days ?? defaults.verify })}
        </List.Item>
        <List.Item>
          {t('complaintDesk.deadlines.respond', { count: settings.complaint_respond_working_days ?? defaults.respond })}
        </List.Item>
        <List.Item>
          {t('complaintDesk.deadlines.autoClose', { count: settings.complaint_auto_close_working_days ?? defaults.autoClose })}
        </List.Item>
      </List>
      <Text size="xs" c="dimmed" mt={4}>
        {t('complaintDesk.deadlines.workingDays')}
      </Text>
    </div>
  );
}
