import { describe, expect, it } from 'vitest';

import { formatTimer, waitLevel } from './wait-level';

describe('the colour of a wait', () => {
  it('turns amber from 80 % of the unit maximum and red beyond it', () => {
    expect(waitLevel(0, 10)).toBe('ok');
    expect(waitLevel(7.9, 10)).toBe('ok');
    expect(waitLevel(8, 10)).toBe('near');
    expect(waitLevel(10, 10)).toBe('near');
    expect(waitLevel(10.1, 10)).toBe('over');
    expect(waitLevel(12, 15)).toBe('near');
    expect(waitLevel(11.9, 15)).toBe('ok');
  });

  it('never warns without a maximum', () => {
    expect(waitLevel(500, null)).toBe('ok');
    expect(waitLevel(500, 0)).toBe('ok');
  });
});

describe('the live timer', () => {
  it('shows minutes and seconds since the start', () => {
    const start = '2026-12-02T01:00:00Z';
    expect(formatTimer(start, Date.parse('2026-12-02T01:08:05Z'))).toBe('08:05');
    expect(formatTimer(start, Date.parse('2026-12-02T00:59:00Z'))).toBe('00:00');
  });
});
