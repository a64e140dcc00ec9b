import { GuestbookPage } from '@/features/walkin/components/guestbook-page';

import { WalkinStaffFrame } from './walkin-staff-frame';

/** The front office's guest book. */
export function StaffGuestbookRoute() {
  return (
    <WalkinStaffFrame page="guestbook">
      {(unit) => <GuestbookPage key={unit.code} unitCode={unit.code} timeZone={unit.time_zone} />}
    </WalkinStaffFrame>
  );
}
