import { enumValues } from '@/lib/api/limits.gen';
import type { ConsultationChannel, FollowUpState } from '@/lib/api/types';

import type { RatingFilters } from '../api/query-keys';

export const channels = enumValues.Channel;
export const followUpStates = enumValues.FollowUpState;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((v) => v === value);

/**
 * The desk's filters from the URL (`?unit=&from=&to=&channel=&needs_follow_up=&state=`), as the
 * reports' drill-down links write them; anything malformed is left out rather than sent.
 */
export function filtersFromSearch(search: URLSearchParams): RatingFilters {
  const date = (key: string) => {
    const value = search.get(key) ?? '';
    return isoDate.test(value) ? value : undefined;
  };
  const flag = search.get('needs_follow_up');
  return {
    unit: search.get('unit')?.trim() || undefined,
    from: date('from'),
    to: date('to'),
    channel: oneOf<ConsultationChannel>(channels, search.get('channel')),
    needsFollowUp: flag === 'true' ? true : flag === 'false' ? false : undefined,
    state: oneOf<FollowUpState>(followUpStates, search.get('state')),
  };
}

/** The filters as the URL keeps them, in a stable order; unset ones are left out. */
export function searchFromFilters(filters: RatingFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  const put = (key: string, value: string | undefined) => {
    if (value) search.set(key, value);
  };
  put('unit', filters.unit);
  put('from', filters.from);
  put('to', filters.to);
  put('channel', filters.channel);
  put('needs_follow_up', filters.needsFollowUp === undefined ? undefined : String(filters.needsFollowUp));
  put('state', filters.state);
  if (page > 1) search.set('page', String(page));
  return search;
}

export function pageFromSearch(search: URLSearchParams): number {
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}
