import { describe, expect, it } from 'vitest';

import { filtersFrom, searchOf } from './desk-filters';

describe('the complaint desk’s filters in the URL', () => {
  it('reads what a report’s link carries and ignores what it does not know', () => {
    const filters = filtersFrom(
      new URLSearchParams('unit=3375&from=2026-11-01&to=2026-11-30&kind=suggestion&channel=whatsapp&status=gosip&overdue=true&page=x'),
    );
    expect(filters).toEqual({
      unit: '3375',
      from: '2026-11-01',
      to: '2026-11-30',
      kind: 'suggestion',
      channel: 'whatsapp',
      status: null,
      overdue: true,
      page: 1,
    });
    expect(filtersFrom(new URLSearchParams('from=1-11-2026&status=unconfirmed&overdue=false')).from).toBeNull();
    expect(filtersFrom(new URLSearchParams('status=unconfirmed')).status).toBeNull();
    expect(filtersFrom(new URLSearchParams('overdue=false')).overdue).toBe(false);
  });

  it('writes back only what is set, and the page after the first', () => {
    const search = searchOf({ ...filtersFrom(new URLSearchParams()), status: 'responded', overdue: false, page: 3 });
    expect(search.toString()).toBe('status=responded&overdue=false&page=3');
    expect(searchOf(filtersFrom(new URLSearchParams())).toString()).toBe('');
  });
});
