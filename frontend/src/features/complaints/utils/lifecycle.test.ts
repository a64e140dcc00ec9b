import { describe, expect, it } from 'vitest';

import type { ComplaintStatus } from '@/lib/api/types';

import { complaintActions, type ComplaintActions } from './lifecycle';

const supervisor = { role: 'supervisor', unit_code: '3375' } as const;
const officer = { role: 'officer', unit_code: '3375' } as const;
const upperSupervisor = { role: 'supervisor', unit_code: '3300' } as const;
const admin = { role: 'admin', unit_code: null } as const;

const offered = (actions: ComplaintActions) =>
  (Object.keys(actions) as (keyof ComplaintActions)[]).filter((k) => k !== 'closeNeedsReason' && actions[k]).sort();

const at = (status: ComplaintStatus) => ({ status, unit_code: '3375' });

describe('the actions a complaint offers', () => {
  it('follows the lifecycle for the unit’s supervisor', () => {
    expect(offered(complaintActions(at('received'), supervisor))).toEqual(['assign', 'forward', 'reject', 'verify']);
    expect(offered(complaintActions(at('verified'), supervisor))).toEqual(['assign', 'close', 'forward', 'reject', 'respond', 'takeUp']);
    expect(offered(complaintActions(at('in_progress'), supervisor))).toEqual(['assign', 'close', 'forward', 'reject', 'respond']);
    expect(offered(complaintActions(at('responded'), supervisor))).toEqual(['assign', 'close', 'respond', 'takeUp']);
    for (const status of ['closed', 'rejected', 'forwarded'] as const) {
      expect(offered(complaintActions(at(status), supervisor))).toEqual([]);
    }
  });

  it('asks for a reason to close only before the unit responded', () => {
    expect(complaintActions(at('in_progress'), supervisor).closeNeedsReason).toBe(true);
    expect(complaintActions(at('responded'), supervisor).closeNeedsReason).toBe(false);
  });

  it('leaves the decisions to the supervisor: an officer takes up, responds and assigns', () => {
    expect(offered(complaintActions(at('received'), officer))).toEqual(['assign']);
    expect(offered(complaintActions(at('verified'), officer))).toEqual(['assign', 'respond', 'takeUp']);
    expect(offered(complaintActions(at('responded'), officer))).toEqual(['assign', 'respond', 'takeUp']);
  });

  it('lets a supervisor of a unit above only read, and an admin act anywhere', () => {
    expect(offered(complaintActions(at('received'), upperSupervisor))).toEqual([]);
    expect(offered(complaintActions(at('received'), admin))).toEqual(['assign', 'forward', 'reject', 'verify']);
  });
});
