import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { RatingsDesk } from '@/features/ratings/components/ratings-desk';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** The unit's satisfaction ratings and their follow-up (officers, supervisors, admins). */
export function StaffRatingsRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('ratingDesk.title')}</Title>
        <Text c="dimmed">{t('ratingDesk.lead')}</Text>
      </div>
      <UnitsGate>{(units) => <RatingsDesk viewer={user} units={units} />}</UnitsGate>
    </Stack>
  );
}
