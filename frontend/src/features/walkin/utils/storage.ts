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
