import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ComplaintDesk } from '@/features/complaints/components/complaint-desk';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** The complaint desk: the unit's complaints, filtered from the URL (a report's figure links here). */
export function StaffComplaintsRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('complaintDesk.desk.title')}</Title>
        <Text c="dimmed">{t('complaintDesk.desk.lead')}</Text>
      </div>
      <UnitsGate>
        {(units) => (
          <ComplaintDesk
            viewer={user}
            zoneOf={(code) => units.get(code)?.time_zone ?? 'Asia/Jakarta'}
            severalUnits={user.role === 'admin' || [...units.values()].some((u) => u.parent_code === user.unit_code)}
          />
        )}
      </UnitsGate>
    </Stack>
  );
}
