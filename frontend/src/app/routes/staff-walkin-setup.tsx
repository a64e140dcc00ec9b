import { WalkinSetup } from '@/features/walkin/components/walkin-setup';

import { WalkinStaffFrame } from './walkin-staff-frame';

/** The supervisor's setup of the unit's walk-in services and desks. */
export function StaffWalkinSetupRoute() {
  return <WalkinStaffFrame page="setup">{(unit) => <WalkinSetup key={unit.code} unitCode={unit.code} />}</WalkinStaffFrame>;
}
