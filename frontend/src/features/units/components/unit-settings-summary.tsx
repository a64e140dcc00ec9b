import { List, ThemeIcon } from '@mantine/core';
import { IconCalendarTime, IconHourglass, IconMessageCircleOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { UnitSettings } from '@/lib/api/types';

/** The unit's figures, said in plain words. */
export function UnitSettingsSummary({ settings }: { settings: UnitSettings }) {
  const { t } = useTranslation();
  const icon = (node: ReactNode) => (
    <ThemeIcon variant="light" size="md" radius="xl" aria-hidden>
      {node}
    </ThemeIcon>
  );
  return (
    <List spacing="sm" size="sm" center>
      <List.Item icon={icon(<IconCalendarTime size={16} />)}>
        {t('unit.settings.onlineDeadline', { count: settings.online_deadline_working_days })}
      </List.Item>
      <List.Item icon={icon(<IconMessageCircleOff size={16} />)}>
        {t('unit.settings.autoClose', { count: settings.auto_close_after_days })}
      </List.Item>
      <List.Item icon={icon(<IconHourglass size={16} />)}>
        {t('unit.settings.walkinWait', { count: settings.walkin_max_wait_minutes })}
      </List.Item>
    </List>
  );
}
