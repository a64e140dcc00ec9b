import type { Me, Unit } from '@/lib/api/types';

/** The unit's own officers and supervisor act on its ratings (and admins); a unit above only reads. */
export function mayFollowUp(viewer: Me, unitCode: string) {
  return viewer.role === 'admin' || ((viewer.role === 'officer' || viewer.role === 'supervisor') && viewer.unit_code === unitCode);
}

/**
 * The units whose ratings the viewer may list: all for an admin; else their own and, for a
 * supervisor, every unit below it (as the server allows).
 */
export function readableUnits(viewer: Me, units: ReadonlyMap<string, Unit>): Unit[] {
  const all = [...units.values()];
  if (viewer.role === 'admin') return all;
  if (!viewer.unit_code) return [];
  const codes = new Set([viewer.unit_code]);
  if (viewer.role === 'supervisor') {
    // Parents come before their children in no guaranteed order: widen until nothing is added.
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of all) {
        if (u.parent_code && codes.has(u.parent_code) && !codes.has(u.code)) {
          codes.add(u.code);
          grew = true;
        }
      }
    }
  }
  return all.filter((u) => codes.has(u.code));
}
