import { storageKeys } from '@/config/storage-keys';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for this visit only.
  }
}

/** The kiosk token of a unit's kiosk, asked for once and kept on the device. */
export const kioskTokenStore = {
  get: (unitCode: string) => read(`${storageKeys.kioskToken}.${unitCode}`),
  set: (unitCode: string, token: string | null) => write(`${storageKeys.kioskToken}.${unitCode}`, token),
};

/** The desk an officer last worked at, per unit. */
export const deskChoiceStore = {
  get: (unitCode: string) => read(`${storageKeys.walkinDesk}.${unitCode}`),
  set: (unitCode: string, desk: string | null) => write(`${storageKeys.walkinDesk}.${unitCode}`, desk),
};

export type PaperWidth = '58' | '80';

/** The kiosk printer's paper width. */
export const paperWidthStore = {
  get: (): PaperWidth => (read(storageKeys.ticketPaper) === '58' ? '58' : '80'),
  set: (width: PaperWidth) => write(storageKeys.ticketPaper, width),
};

/** A ticket's own page, as its `track_url` names it: the id and key that open it without a login. */
export type TrackedTicket = { id: string; key: string };

/** The ticket's id and key from its `track_url`, or null for a link that is not a ticket's page. */
export function trackedTicket(trackUrl: string): TrackedTicket | null {
  try {
    const url = new URL(trackUrl, window.location.origin);
    const id = /^\/walkin\/tickets\/([^/]+)$/.exec(url.pathname)?.[1];
    const key = url.searchParams.get('key');
    return id && key ? { id: decodeURIComponent(id), key } : null;
  } catch {
    return null;
  }
}

/** The ticket a visitor last took from this phone at a unit, to lead them back to it. */
export const remoteTicketStore = {
  get: (unitCode: string): TrackedTicket | null => {
    const stored = read(`${storageKeys.remoteTicket}.${unitCode}`);
    if (!stored) return null;
    try {
      const value = JSON.parse(stored) as Partial<TrackedTicket>;
      return typeof value.id === 'string' && typeof value.key === 'string' ? { id: value.id, key: value.key } : null;
    } catch {
      return null;
    }
  },
  set: (unitCode: string, ticket: TrackedTicket | null) =>
    write(`${storageKeys.remoteTicket}.${unitCode}`, ticket ? JSON.stringify(ticket) : null),
};
