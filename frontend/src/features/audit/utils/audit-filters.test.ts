import { describe, expect, it } from 'vitest';

import { auditFiltersFrom, auditSearchOf, dayRangeToInstants, parseAction } from './audit-filters';

describe('the audit log filters', () => {
  it('turn calendar days on the unit’s clock into the API’s instants, the last day included', () => {
    expect(dayRangeToInstants('2026-12-01', '2026-12-03', 'Asia/Makassar')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
    });
    expect(dayRangeToInstants(null, null, 'Asia/Jakarta')).toEqual({ from: undefined, to: undefined });
  });

  it('read the URL, leaving out what is not valid, and write back only what is set', () => {
    const filters = auditFiltersFrom(new URLSearchParams('unit=3375&from=2026-12-01&to=bad&actor=x&page=2'));
    expect(filters).toEqual({ unit: '3375', actor: null, from: '2026-12-01', to: null, page: 2 });
    expect(auditSearchOf({ ...filters, page: 1 }).toString()).toBe('unit=3375&from=2026-12-01');
  });

  it('split an action into its method and route', () => {
    expect(parseAction('POST /consultations/{id}/claim')).toEqual({ method: 'POST', route: '/consultations/{id}/claim' });
  });
});
