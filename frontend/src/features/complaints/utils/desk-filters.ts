import type { ComplaintIntake, ComplaintKind, ComplaintStatus } from '@/lib/api/types';

import { complaintIntakes, complaintKinds, deskStatuses, oneOf } from './options';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The desk's filters, as its URL keeps them (`?unit=&from=&to=&kind=&channel=&status=&overdue=&page=`). */
export type DeskFilters = {
  unit: string | null;
  from: string | null;
  to: string | null;
  kind: ComplaintKind | null;
  channel: ComplaintIntake | null;
  status: ComplaintStatus | null;
  overdue: boolean | null;
  page: number;
};

/** Reads the filters from a URL, ignoring what is not a known value (a hand-edited link). */
export function filtersFrom(search: URLSearchParams): DeskFilters {
  const date = (key: string) => {
    const value = search.get(key) ?? '';
    return isoDate.test(value) ? value : null;
  };
  const overdue = search.get('overdue');
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    unit: search.get('unit')?.trim() || null,
    from: date('from'),
    to: date('to'),
    kind: oneOf(complaintKinds, search.get('kind')),
    channel: oneOf(complaintIntakes, search.get('channel')),
    status: oneOf(deskStatuses, search.get('status')),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The URL's query for the filters: only those set, the first page left out. */
export function searchOf(filters: DeskFilters): URLSearchParams {
  const search = new URLSearchParams();
  const { page, overdue, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) if (value) search.set(key, value);
  if (overdue !== null) search.set('overdue', String(overdue));
  if (page > 1) search.set('page', String(page));
  return search;
}
