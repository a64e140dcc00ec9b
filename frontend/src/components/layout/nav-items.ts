import { paths } from '@/config/paths';
import { isStaffRole, managesUnit } from '@/lib/auth/roles';
import type { Me } from '@/lib/api/types';

export type NavItem = {
  to: string;
  label:
    | 'nav.home'
    | 'nav.staff'
    | 'nav.consultations'
    | 'nav.newConsultation'
    | 'nav.staffConsultations'
    | 'nav.knowledge'
    | 'nav.staffKnowledge'
    | 'nav.staffWalkin'
    | 'nav.staffReports'
    | 'ratingDesk.nav'
    | 'complaintDesk.nav'
    | 'auditLog.nav'
    | 'templates.nav'
    | 'nav.profile'
    | 'nav.login'
    | 'nav.register';
};

/** Main navigation for the current user: staff links exist only for staff roles. */
export function mainNavItems(user: Me | null): NavItem[] {
  const items: NavItem[] = [
    { to: paths.home, label: 'nav.home' },
    { to: paths.knowledge, label: 'nav.knowledge' },
  ];
  if (user?.role === 'public') {
    items.push(
      { to: paths.consultations, label: 'nav.consultations' },
      { to: paths.newConsultation(), label: 'nav.newConsultation' },
    );
  }
  if (user && isStaffRole(user.role)) {
    items.push({ to: paths.staff, label: 'nav.staff' });
    // Front office staff do not work the online queue; at the walk-in service they keep the guest book.
    if (user.role !== 'front_office') {
      items.push(
        { to: paths.staffConsultations, label: 'nav.staffConsultations' },
        { to: paths.staffKnowledge, label: 'nav.staffKnowledge' },
        // Answer templates: officers, supervisors and admins (the API refuses front office).
        { to: paths.staffTemplates, label: 'templates.nav' },
        { to: paths.staffWalkin, label: 'nav.staffWalkin' },
        { to: paths.staffRatings, label: 'ratingDesk.nav' },
        // The backend lets the unit's officers and supervisors (and admins) read its complaints.
        { to: paths.staffComplaints, label: 'complaintDesk.nav' },
      );
      // Reports are for those who answer for a unit: its supervisor, those above and admins.
      if (managesUnit(user.role)) items.push({ to: paths.staffReports, label: 'nav.staffReports' });
      // The audit log is read by a unit's supervisor (their unit's) and by admins (every unit's).
      if (managesUnit(user.role)) items.push({ to: paths.staffAudit, label: 'auditLog.nav' });
    } else {
      items.push({ to: paths.staffGuestbook, label: 'nav.staffWalkin' });
    }
  }
  return items;
}

export function accountNavItems(user: Me | null, isSignedIn: boolean): NavItem[] {
  if (user) return [{ to: paths.profile, label: 'nav.profile' }];
  if (isSignedIn) return [];
  return [
    { to: paths.login, label: 'nav.login' },
    { to: paths.register, label: 'nav.register' },
  ];
}
