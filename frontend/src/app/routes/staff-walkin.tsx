import { DeskConsole } from '@/features/walkin/components/desk-console';

import { WalkinStaffFrame } from './walkin-staff-frame';

/** An officer's desk console for walk-in visitors. */
export function StaffWalkinRoute() {
  return (
    <WalkinStaffFrame page="console">
      {(unit) => <DeskConsole key={unit.code} unitCode={unit.code} maxWaitMinutes={unit.settings.walkin_max_wait_minutes} />}
    </WalkinStaffFrame>
  );
}
