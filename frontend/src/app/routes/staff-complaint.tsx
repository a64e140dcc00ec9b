import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';

import { ComplaintDetailView } from '@/features/complaints/components/complaint-detail-view';
import { staffQueryOptions } from '@/features/staff/api/get-staff';
import type { Me } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';
import { managesUnit } from '@/lib/auth/roles';

import { UnitsGate } from './units-gate';

/** Whom the complaint may be given to: the officers and supervisors of the viewer's unit (the staff list is the supervisor's). */
function useAssignable(viewer: Me | null) {
  const unit = viewer?.unit_code ?? undefined;
  const staff = useQuery({ ...staffQueryOptions({ unit, page: 1, perPage: 100 }), enabled: managesUnit(viewer?.role) && Boolean(unit) });
  if (!staff.data || !unit) return undefined;
  const people = staff.data.items
    .filter((s) => s.role === 'officer' || s.role === 'supervisor')
    .map((s) => ({ id: s.id, full_name: s.full_name }));
  return (code: string) => (code === unit ? people : undefined);
}

export function StaffComplaintRoute() {
  const { id = '' } = useParams();
  const { user } = useUser();
  const officersOf = useAssignable(user);
  if (!user) return null;
  return (
    <UnitsGate>
      {(units) => (
        <ComplaintDetailView
          key={id}
          id={id}
          viewer={user}
          zoneOf={(code) => units.get(code)?.time_zone ?? 'Asia/Jakarta'}
          officersOf={officersOf}
        />
      )}
    </UnitsGate>
  );
}
