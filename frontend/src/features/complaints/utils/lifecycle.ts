import type { Complaint, ComplaintStatus, Me } from '@/lib/api/types';

/** What the viewer may do with a complaint now, by the backend's lifecycle and roles. */
export type ComplaintActions = {
  verify: boolean;
  takeUp: boolean;
  respond: boolean;
  reject: boolean;
  forward: boolean;
  close: boolean;
  /** Closing before the unit responded needs a reason for the complainant. */
  closeNeedsReason: boolean;
  assign: boolean;
};

const none: ComplaintActions = {
  verify: false,
  takeUp: false,
  respond: false,
  reject: false,
  forward: false,
  close: false,
  closeNeedsReason: false,
  assign: false,
};

const within = (status: ComplaintStatus, list: readonly ComplaintStatus[]) => list.includes(status);

/**
 * Officers of the complaint's unit work it (take up, respond, assign); its supervisor (or an admin)
 * also decides (verify, reject, forward, close). A supervisor of a unit above only reads.
 */
export function complaintActions(complaint: Pick<Complaint, 'status' | 'unit_code'>, viewer: Pick<Me, 'role' | 'unit_code'>): ComplaintActions {
  const ownUnit = viewer.role === 'admin' || viewer.unit_code === complaint.unit_code;
  const decides = ownUnit && (viewer.role === 'supervisor' || viewer.role === 'admin');
  const works = decides || (ownUnit && viewer.role === 'officer');
  if (!works) return none;
  const { status } = complaint;
  return {
    verify: decides && status === 'received',
    takeUp: within(status, ['verified', 'responded']),
    respond: within(status, ['verified', 'in_progress', 'responded']),
    reject: decides && within(status, ['received', 'verified', 'in_progress']),
    forward: decides && within(status, ['received', 'verified', 'in_progress']),
    close: decides && within(status, ['verified', 'in_progress', 'responded']),
    closeNeedsReason: status !== 'responded',
    assign: within(status, ['received', 'verified', 'in_progress', 'responded']),
  };
}
