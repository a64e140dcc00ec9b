import { useMemo, type ReactNode } from 'react';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PageLoader } from '@/components/ui/page-loader';
import { useUnits } from '@/features/units/api/get-units';
import type { Unit } from '@/lib/api/types';

type UnitsGateProps = { children: (units: ReadonlyMap<string, Unit>) => ReactNode };

/**
 * Renders its page once the units are known: consultation pages show every time on the clock of
 * the consultation's unit, and never on a guessed one.
 */
export function UnitsGate({ children }: UnitsGateProps) {
  const units = useUnits();
  const byCode = useMemo(() => (units.data ? new Map(units.data.map((u) => [u.code, u])) : null), [units.data]);
  if (units.error) return <ErrorAlert error={units.error} />;
  if (!byCode) return <PageLoader />;
  return children(byCode);
}
