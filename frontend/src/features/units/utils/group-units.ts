import type { Unit } from '@/lib/api/types';

export type ProvinceGroup = { province: Unit | null; units: Unit[] };

export type GroupedUnits = { national: Unit[]; provinces: ProvinceGroup[] };

const byName = (a: Unit, b: Unit) => a.name.localeCompare(b.name, 'id');

/**
 * National units first, then one group per province holding the province's own unit and the
 * regency/city units under it. Units whose province is not in the list form a last group.
 */
export function groupUnitsByProvince(units: readonly Unit[]): GroupedUnits {
  const national = units.filter((u) => u.kind === 'national').sort(byName);
  const provinces = units.filter((u) => u.kind === 'province').sort(byName);
  const provinceCodes = new Set(provinces.map((p) => p.code));
  const local = units.filter((u) => u.kind === 'regency' || u.kind === 'city');

  const groups: ProvinceGroup[] = provinces.map((province) => ({
    province,
    units: local.filter((u) => u.parent_code === province.code).sort(byName),
  }));
  const orphans = local.filter((u) => !u.parent_code || !provinceCodes.has(u.parent_code)).sort(byName);
  if (orphans.length > 0) groups.push({ province: null, units: orphans });
  return { national, provinces: groups };
}
