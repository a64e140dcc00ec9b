import { describe, expect, it } from 'vitest';

import {
  describeZone,
  formatCalendarDate,
  formatDateTime,
  formatElapsed,
  nowAsZonedInput,
  zonedInputToIso,
} from './date-time';

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

describe('times people type in', () => {
  it('are read on the unit’s clock, not the browser’s', () => {
    expect(zonedInputToIso('2026-11-24T10:00', 'Asia/Makassar')).toBe('2026-11-24T02:00:00.000Z');
    expect(zonedInputToIso('2026-11-24T10:00', 'Asia/Jakarta')).toBe('2026-11-24T03:00:00.000Z');
    expect(zonedInputToIso('2026-11-24T10:00', 'Asia/Jayapura')).toBe('2026-11-24T01:00:00.000Z');
  });

  it('are refused when they are not a date and time', () => {
    expect(zonedInputToIso('', 'Asia/Jakarta')).toBeNull();
    expect(zonedInputToIso('besok pagi', 'Asia/Jakarta')).toBeNull();
  });

  it('start from the unit’s current time', () => {
    expect(nowAsZonedInput('Asia/Makassar', Date.parse('2026-11-23T23:30:00Z'))).toBe('2026-11-24T07:30');
  });
});

describe('durations', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it('say the largest whole unit', () => {
    expect(formatElapsed('2026-11-24T11:48:00Z', now, 'id-ID')).toBe('12 menit');
    expect(formatElapsed('2026-11-24T09:00:00Z', now, 'en-GB')).toBe('3 hours');
    expect(formatElapsed('2026-11-22T11:00:00Z', now, 'id-ID')).toBe('2 hari');
  });
});
