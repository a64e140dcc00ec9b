import type { Consultation, Me } from '@/lib/api/types';

/** Staff may reopen a closed consultation for this long (the API's rule). */
const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type Viewer = Pick<Me, 'id' | 'role' | 'unit_code'>;

/**
 * What the viewer may do on a consultation in its present state, mirroring the API's rules so
 * that only sensible buttons are shown. The API stays the judge: its refusals are shown as they come.
 */
export function allowedActions(c: Consultation, viewer: Viewer, now = Date.now()) {
  const owner = viewer.role === 'public' && c.owner.id === viewer.id;
  const ownUnit = viewer.unit_code === c.unit_code;
  // An admin counts as every unit's supervisor; a supervisor of an upper unit only reads.
  const leads = viewer.role === 'admin' || (viewer.role === 'supervisor' && ownUnit);
  const unitStaff = leads || (viewer.role === 'officer' && ownUnit);
  const handles = leads || (unitStaff && c.assignee?.id === viewer.id);
  const open = c.status !== 'closed';
  const closedRecently = c.closed_at !== null && c.closed_at !== undefined && now - Date.parse(c.closed_at) <= REOPEN_WINDOW_MS;
  return {
    owner,
    unitStaff,
    write: owner ? open : handles && c.status === 'active',
    withdraw: owner && open,
    claim: unitStaff && c.status === 'waiting',
    assign: leads && open,
    clarify: handles && c.status === 'active' && !c.clarified_at,
    close: handles && open,
    followUp: handles && (open || c.resolution === 'answered' || c.resolution === 'referred'),
    referral: handles,
    reopen: unitStaff && c.status === 'closed' && closedRecently,
    toIndex: unitStaff,
    typing: owner || unitStaff,
    /** Internal notes: any officer or supervisor of the unit, whatever the state. */
    note: unitStaff,
  };
}

export type AllowedActions = ReturnType<typeof allowedActions>;
