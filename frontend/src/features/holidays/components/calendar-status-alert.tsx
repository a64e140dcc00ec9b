import { Alert, Anchor, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useCalendarStatus } from '../api/get-calendar-status';

type CalendarStatusAlertProps = {
  /** Link to the holiday calendar (from anywhere but the calendar itself). */
  withLink?: boolean;
};

/**
 * The admin's reminder to load a year's holiday decree: this year's while it is missing, next
 * year's from 1 October. Nothing otherwise, nor while the status is unknown (it is a reminder,
 * not a page of its own).
 */
export function CalendarStatusAlert({ withLink = false }: CalendarStatusAlertProps) {
  const { t } = useTranslation();
  const status = useCalendarStatus();
  if (!status.data?.load_next_year) return null;
  const year = status.data.loaded ? status.data.next_year : status.data.year;
  return (
    <Alert color="yellow" icon={<IconCalendarExclamation aria-hidden />} title={t('staff.holidays.reminder.title', { year })}>
      <Text size="sm">{t('staff.holidays.reminder.body', { year })}</Text>
      {withLink && (
        <Anchor component={Link} to={paths.staffHolidays} size="sm" fw={600} c="blue.9" underline="always" mt={4} display="inline-block">
          {t('staff.holidays.reminder.open')}
        </Anchor>
      )}
    </Alert>
  );
}
