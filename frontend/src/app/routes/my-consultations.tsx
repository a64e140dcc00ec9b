import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import { paths } from '@/config/paths';
import { LiveStatus } from '@/features/consultations/components/live-status';
import { MyConsultationList } from '@/features/consultations/components/my-consultation-list';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';

import { UnitsGate } from './units-gate';

export function MyConsultationsRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  if (isStaffRole(user.role)) return <Navigate to={paths.staffConsultations} replace />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('consultations.mine.title')}</Title>
          <LiveStatus />
        </div>
        <Button component={Link} to={paths.newConsultation()} leftSection={<IconPlus size={16} />}>
          {t('consultations.mine.newCta')}
        </Button>
      </Group>
      <UnitsGate>{(units) => <MyConsultationList units={units} />}</UnitsGate>
    </Stack>
  );
}
