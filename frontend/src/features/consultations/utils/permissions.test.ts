import { describe, expect, it } from 'vitest';

import { activeConsultation, officer, publicUser, supervisor, waitingConsultation } from '@/testing/fixtures';

import { allowedActions } from './permissions';

const colleague = { ...officer, id: 'another-officer' };
const banjarnegaraLead = { ...supervisor, unit_code: '3304' };
const provinceLead = { ...supervisor, unit_code: '3300' };

describe('the actions offered', () => {
  it('let the owner write and withdraw while it waits, but not work it', () => {
    const can = allowedActions(waitingConsultation, publicUser);
    expect(can).toMatchObject({ write: true, withdraw: true, claim: false, close: false });
  });

  it('let any officer of the unit take a waiting consultation, but write only once it is theirs', () => {
    expect(allowedActions(waitingConsultation, colleague)).toMatchObject({ claim: true, write: false });
    expect(allowedActions(activeConsultation, officer)).toMatchObject({ claim: false, write: true, clarify: true, close: true });
    expect(allowedActions(activeConsultation, colleague)).toMatchObject({ write: false, clarify: false, close: false, toIndex: true });
  });

  it('let the unit’s supervisor transfer it, and a supervisor of the province only read it', () => {
    expect(allowedActions(activeConsultation, banjarnegaraLead)).toMatchObject({ assign: true, close: true });
    expect(allowedActions(activeConsultation, provinceLead)).toMatchObject({
      assign: false,
      write: false,
      claim: false,
      toIndex: false,
      typing: false,
    });
  });

  it('offer reopening only within 7 days of closing', () => {
    const closed = { ...activeConsultation, status: 'closed' as const, resolution: 'answered' as const, closed_at: '2026-11-21T03:00:00Z' };
    expect(allowedActions(closed, officer, Date.parse('2026-11-27T03:00:00Z')).reopen).toBe(true);
    expect(allowedActions(closed, officer, Date.parse('2026-11-29T03:00:00Z')).reopen).toBe(false);
    expect(allowedActions(closed, publicUser)).toMatchObject({ write: false, withdraw: false });
  });
});
