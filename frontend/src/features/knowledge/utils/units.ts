import type { Unit } from '@/lib/api/types';

/** Units by code, handed in by the page (units are another feature's). */
export type UnitsByCode = ReadonlyMap<string, Unit>;

/** National articles are dated on the clock of BPS RI in Jakarta. */
export const NATIONAL_ZONE = 'Asia/Jakarta';

export function zoneOf(units: UnitsByCode, code: string | null | undefined): string {
  return (code && units.get(code)?.time_zone) || NATIONAL_ZONE;
}

/** The unit's name; null for a national article. */
export function unitNameOf(units: UnitsByCode, code: string | null | undefined): string | null {
  if (!code) return null;
  return units.get(code)?.name ?? code;
}
