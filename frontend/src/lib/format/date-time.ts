import { currentLanguage, locales } from '@/lib/i18n';

/** A date and time in the given IANA time zone, with the zone's abbreviation (e.g. WITA). */
export function formatDateTime(iso: string, timeZone: string, locale = locales[currentLanguage()]) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso)) + ` ${zoneAbbreviation(timeZone)}`;
}

/** A calendar date (`YYYY-MM-DD`) with its weekday; plain dates have no time zone. */
export function formatCalendarDate(date: string, locale = locales[currentLanguage()]) {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

const indonesianZones: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for Indonesia's zones; the IANA name otherwise. */
export function zoneAbbreviation(timeZone: string) {
  return indonesianZones[timeZone] ?? timeZone;
}

/** E.g. "WITA (Asia/Makassar)". */
export function describeZone(timeZone: string) {
  const abbreviation = zoneAbbreviation(timeZone);
  return abbreviation === timeZone ? timeZone : `${abbreviation} (${timeZone})`;
}

/** The wall-clock parts of an instant in a time zone, as numbers. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * A `datetime-local` value (`YYYY-MM-DDTHH:mm`) read on the clock of `timeZone`, as an RFC 3339
 * UTC instant; null when the value is not a date and time. The browser's own zone plays no part:
 * an officer in Jakarta schedules a meeting in Tarakan on Tarakan's clock.
 */
export function zonedInputToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asIfUtc)) return null;
  // The zone's offset at that moment; a second pass settles instants near an offset change.
  let instant = asIfUtc - (wallClock(asIfUtc, timeZone) - asIfUtc);
  instant = asIfUtc - (wallClock(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}

/** The current time on the clock of `timeZone`, as a `datetime-local` value. */
export function nowAsZonedInput(timeZone: string, now = Date.now()): string {
  return new Date(wallClock(now, timeZone)).toISOString().slice(0, 16);
}

/** A time of day in the given zone with the zone named (e.g. "09.30 WITA"), for chat messages. */
export function formatTime(iso: string, timeZone: string, locale = locales[currentLanguage()]) {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(iso)) +
    ` ${zoneAbbreviation(timeZone)}`;
}

/** How long ago `iso` was, in the largest whole unit (e.g. "12 menit", "3 hours"). */
export function formatElapsed(iso: string, now: number, locale = locales[currentLanguage()]) {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  const [value, unit]: [number, Intl.NumberFormatOptions['unit']] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 60 * 24 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A calendar day as it was in the given zone (e.g. "21 November 2026"). */
export function formatDate(iso: string, timeZone: string, locale = locales[currentLanguage()]) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** The calendar year of an instant in the given zone (a deadline at 23.59 WITA on 31 December is that year's). */
export function yearIn(iso: string, timeZone: string) {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(new Date(iso)));
}
