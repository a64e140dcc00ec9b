import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ReportDashboard } from '@/features/reports/components/report-dashboard';
import { useUser } from '@/lib/auth/get-me';
import { managesUnit } from '@/lib/auth/roles';

import { UnitsGate } from './units-gate';

/** The report dashboard of the supervisor's unit (and the units below it), or any unit for admins. */
export function StaffReportsRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  if (!managesUnit(user.role)) {
    return (
      <Alert color="gray" icon={<IconLock />} role="alert">
        {t('reports.forbidden')}
      </Alert>
    );
  }
  return <UnitsGate>{(units) => <ReportDashboard user={user} units={[...units.values()]} />}</UnitsGate>;
}
