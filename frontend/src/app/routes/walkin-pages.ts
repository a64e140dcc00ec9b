import { paths } from '@/config/paths';
import type { Role } from '@/lib/api/types';
import { managesUnit } from '@/lib/auth/roles';

export type WalkinPage = 'console' | 'guestbook' | 'overview' | 'setup';

export const walkinPagePaths: Record<WalkinPage, string> = {
  console: paths.staffWalkin,
  guestbook: paths.staffGuestbook,
  overview: paths.staffWalkinOverview,
  setup: paths.staffWalkinSetup,
};

/** The walk-in pages a role works with: front office keeps the guest book, officers a desk. */
export function walkinPagesFor(role: Role): WalkinPage[] {
  if (role === 'front_office') return ['guestbook'];
  if (managesUnit(role)) return ['console', 'guestbook', 'overview', 'setup'];
  return ['console', 'guestbook'];
}
