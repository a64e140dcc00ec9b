import type { Me, Unit } from '@/lib/api/types';

/** The unit and every unit below it, the unit first, then by code. */
export function subtree(units: readonly Unit[], root: string): Unit[] {
  const inside = new Set([root]);
  // Parents are listed before or after their children: repeat until nothing new joins.
  for (let grown = true; grown; ) {
    grown = false;
    for (const unit of units) {
      if (unit.parent_code && inside.has(unit.parent_code) && !inside.has(unit.code)) {
        inside.add(unit.code);
        grown = true;
      }
    }
  }
  const sorted = units.filter((u) => inside.has(u.code)).sort((a, b) => a.code.localeCompare(b.code));
  return [...sorted.filter((u) => u.code === root), ...sorted.filter((u) => u.code !== root)];
}

/** The units whose reports a reader may open: an admin any, a supervisor theirs and those below. */
export function reportableUnits(user: Me, units: readonly Unit[]): Unit[] {
  if (user.role === 'admin') return [...units].sort((a, b) => a.code.localeCompare(b.code));
  return user.unit_code ? subtree(units, user.unit_code) : [];
}
