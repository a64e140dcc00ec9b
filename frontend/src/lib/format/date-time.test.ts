import { describe, expect, it } from 'vitest';

import { describeZone, formatCalendarDate, formatDateTime } from './date-time';

describe('times shown to people', () => {
  it('are read on the unit’s clock, with the zone named', () => {
    // 01:30 UTC is 09:30 in Tarakan (WITA, UTC+8) and 08:30 in Pekalongan (WIB, UTC+7).
    expect(formatDateTime('2026-03-02T01:30:00Z', 'Asia/Makassar', 'id-ID')).toMatch(/09[.:]30 WITA$/);
    expect(formatDateTime('2026-03-02T01:30:00Z', 'Asia/Jakarta', 'id-ID')).toMatch(/08[.:]30 WIB$/);
  });

  it('keep a plain date on its day whatever the zone', () => {
    expect(formatCalendarDate('2026-01-01', 'en-GB')).toMatch(/^Thursday,? 1 January 2026$/);
    expect(formatCalendarDate('2026-12-31', 'id-ID')).toMatch(/^Kamis, 31 Desember 2026$/);
  });

  it('describe Indonesian zones by their local abbreviation', () => {
    expect(describeZone('Asia/Makassar')).toBe('WITA (Asia/Makassar)');
    expect(describeZone('Asia/Jayapura')).toBe('WIT (Asia/Jayapura)');
    expect(describeZone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
  });
});
