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
