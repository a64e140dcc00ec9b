import type { ByMode, ServiceStandard } from '@/lib/api/types';

export const modes = ['online', 'offline'] as const;

export function hasAnyMode(byMode: ByMode) {
  return modes.some((mode) => byMode[mode].length > 0);
}

export type Contacts = Pick<ServiceStandard, 'address' | 'phone' | 'fax' | 'website' | 'email'>;

export function hasContacts(c: Contacts) {
  return Boolean(c.address || c.phone || c.fax || c.website || c.email);
}
