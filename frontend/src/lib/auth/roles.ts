import { everyValueOf } from '@/lib/api/enums';
import type { Role } from '@/lib/api/types';

/** Every role but the public's. */
export const staffRoles = everyValueOf<Exclude<Role, 'public'>>()(['officer', 'front_office', 'supervisor', 'admin']);

export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(role: Role | undefined | null): role is StaffRole {
  return staffRoles.some((r) => r === role);
}

/** Roles that manage a unit's settings and see its staff. */
export function managesUnit(role: Role | undefined | null): boolean {
  return role === 'supervisor' || role === 'admin';
}
