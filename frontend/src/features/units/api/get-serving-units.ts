import type { Unit } from '@/lib/api/types';

import { useUnits } from './get-units';

/** The units that take online consultations (those that have published a service standard), by name. */
export function servingUnits(units: readonly Unit[]): Unit[] {
  return units.filter((u) => u.offers_consultations).sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export function useServingUnits() {
  const units = useUnits();
  return {
    units: units.data ? servingUnits(units.data) : [],
    isPending: units.isPending,
    error: units.error,
  };
}
