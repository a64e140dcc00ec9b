import { paths } from '@/config/paths';
import { isStaffRole } from '@/lib/auth/roles';
import type { Me } from '@/lib/api/types';

export type NavItem = { to: string; label: 'nav.home' | 'nav.staff' | 'nav.profile' | 'nav.login' | 'nav.register' };

/** Main navigation for the current user: staff links exist only for staff roles. */
export function mainNavItems(user: Me | null): NavItem[] {
  const items: NavItem[] = [{ to: paths.home, label: 'nav.home' }];
  if (user && isStaffRole(user.role)) items.push({ to: paths.staff, label: 'nav.staff' });
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
