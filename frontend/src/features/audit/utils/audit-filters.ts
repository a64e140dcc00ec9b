import { zonedInputToIso } from '@/lib/format/date-time';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit page's filters, as its URL keeps them (`?unit=&actor=&from=&to=&page=`). */
export type AuditFilters = {
  unit: string | null;
  actor: string | null;
  /** Calendar days (`YYYY-MM-DD`, both inclusive) on the unit's clock. */
  from: string | null;
  to: string | null;
  page: number;
};

/** Reads the filters from a URL, ignoring what is not a valid value (a hand-edited link). */
export function auditFiltersFrom(search: URLSearchParams): AuditFilters {
  const date = (key: string) => {
    const value = search.get(key) ?? '';
    return isoDate.test(value) ? value : null;
  };
  const actor = search.get('actor') ?? '';
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    unit: search.get('unit')?.trim() || null,
    actor: uuid.test(actor) ? actor : null,
    from: date('from'),
    to: date('to'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The URL's query for the filters: only those set, the first page left out. */
export function auditSearchOf(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  const { page, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) if (value) search.set(key, value);
  if (page > 1) search.set('page', String(page));
  return search;
}

function nextDay(date: string) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The instants the API takes for a range of calendar days on the clock of `timeZone`: from the
 * first day's midnight (inclusive) to the midnight after the last day (exclusive).
 */
export function dayRangeToInstants(from: string | null, to: string | null, timeZone: string) {
  return {
    from: from ? (zonedInputToIso(`${from}T00:00`, timeZone) ?? undefined) : undefined,
    to: to ? (zonedInputToIso(`${nextDay(to)}T00:00`, timeZone) ?? undefined) : undefined,
  };
}

export type ParsedAction = { method: string; route: string };

/** "POST /consultations/{id}/claim" → its method and route. */
export function parseAction(action: string): ParsedAction {
  const space = action.indexOf(' ');
  if (space < 0) return { method: '', route: action };
  return { method: action.slice(0, space).toUpperCase(), route: action.slice(space + 1) };
}
