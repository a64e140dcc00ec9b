import { WalkinOverview } from '@/features/walkin/components/walkin-overview';
import { useUser } from '@/lib/auth/get-me';
import { managesUnit } from '@/lib/auth/roles';

import { WalkinStaffFrame } from './walkin-staff-frame';

/** The supervisor's overview of the unit's walk-in day. */
export function StaffWalkinOverviewRoute() {
  const { user } = useUser();
  return (
    <WalkinStaffFrame page="overview">
      {(unit) => (
        <WalkinOverview
          key={unit.code}
          unitCode={unit.code}
          timeZone={unit.time_zone}
          maxWaitMinutes={unit.settings.walkin_max_wait_minutes}
          canManage={managesUnit(user?.role)}
        />
      )}
    </WalkinStaffFrame>
  );
}
