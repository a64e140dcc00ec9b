import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { LiveStatus } from '@/features/consultations/components/live-status';
import { StaffConsole } from '@/features/consultations/components/staff-console';
import { AvailabilitySwitch } from '@/features/staff/components/availability-switch';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

export function StaffConsultationsRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-end">
          <Title order={1}>{t('consultations.console.title')}</Title>
          <LiveStatus />
        </Group>
        <Text c="dimmed">{t('consultations.console.lead')}</Text>
      </div>
      <AvailabilitySwitch me={user} />
      {user.role === 'front_office' ? (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('consultations.console.frontOffice')}
        </Alert>
      ) : (
        <UnitsGate>
          {(units) => (
            // The unit is worth a column only for those who read several: an admin, or the
            // supervisor of a unit with units below it.
            <StaffConsole
              units={units}
              showUnit={user.role === 'admin' || [...units.values()].some((u) => u.parent_code === user.unit_code)}
            />
          )}
        </UnitsGate>
      )}
    </Stack>
  );
}
