import type { Role } from '@/lib/api/types';

export const staffRoles = ['officer', 'front_office', 'supervisor', 'admin'] as const satisfies Role[];

export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(role: Role | undefined | null): role is StaffRole {
  return staffRoles.some((r) => r === role);
}

/** Roles that manage a unit's settings and see its staff. */
export function managesUnit(role: Role | undefined | null): boolean {
  return role === 'supervisor' || role === 'admin';
}
