import { describe, expect, it } from 'vitest';

import { filtersFromSearch, pageFromSearch, searchFromFilters } from './filters';

describe('the ratings desk filters in the URL', () => {
  it('reads the filters a report links with', () => {
    const search = new URLSearchParams('unit=6571&from=2026-11-01&to=2026-11-30&channel=walk_in&needs_follow_up=true&state=open&page=2');
    expect(filtersFromSearch(search)).toEqual({
      unit: '6571',
      from: '2026-11-01',
      to: '2026-11-30',
      channel: 'walk_in',
      needsFollowUp: true,
      state: 'open',
    });
    expect(pageFromSearch(search)).toBe(2);
  });

  it('leaves out what is malformed rather than sending it', () => {
    const search = new URLSearchParams('from=1%20Nov&to=2026-11-31x&channel=phone&needs_follow_up=maybe&state=closed&page=-1');
    expect(filtersFromSearch(search)).toEqual({
      unit: undefined,
      from: undefined,
      to: undefined,
      channel: undefined,
      needsFollowUp: undefined,
      state: undefined,
    });
    expect(pageFromSearch(search)).toBe(1);
  });

  it('keeps "not needing a follow-up" apart from "any"', () => {
    expect(filtersFromSearch(new URLSearchParams('needs_follow_up=false')).needsFollowUp).toBe(false);
    expect(searchFromFilters({ needsFollowUp: false }).toString()).toBe('needs_follow_up=false');
    expect(searchFromFilters({}).toString()).toBe('');
  });

  it('writes them back in the order a report writes them, with the page after the first', () => {
    const written = searchFromFilters({ to: '2026-11-30', unit: '6571', from: '2026-11-01', channel: 'online' }, 3);
    expect(written.toString()).toBe('unit=6571&from=2026-11-01&to=2026-11-30&channel=online&page=3');
    expect(searchFromFilters({ unit: '6571' }, 1).toString()).toBe('unit=6571');
  });
});
