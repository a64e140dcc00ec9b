import { useQueries } from '@tanstack/react-query';

import type { Unit } from '@/lib/api/types';

import { unitQueryOptions } from './get-unit';
import { useUnits } from './get-units';

/**
 * The units that take online consultations: those that have published a service standard. The
 * unit list does not say which, so each unit's detail is read (and cached for its unit page).
 */
export function useServingUnits() {
  const units = useUnits();
  const details = useQueries({
    queries: (units.data ?? []).map((u) => unitQueryOptions(u.code)),
    combine: (results) => ({
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      serving: new Set(results.flatMap((r) => (r.data?.service_standard ? [r.data.code] : []))),
    }),
  });
  const serving: Unit[] = (units.data ?? []).filter((u) => details.serving.has(u.code));
  return {
    units: serving.sort((a, b) => a.name.localeCompare(b.name, 'id')),
    isPending: units.isPending || details.pending,
    error: units.error ?? details.error,
  };
}
