import type { Unit } from '@/lib/api/types';

/** Units by code, handed in by the page (units are another feature's). */
export type UnitsByCode = ReadonlyMap<string, Unit>;

/** The zone when a unit is unknown to the page: Indonesia's most common one. */
export const FALLBACK_ZONE = 'Asia/Jakarta';

export function zoneOf(units: UnitsByCode, code: string): string {
  return units.get(code)?.time_zone ?? FALLBACK_ZONE;
}

export function nameOf(units: UnitsByCode, code: string): string {
  return units.get(code)?.name ?? code;
}
