import { zoneAbbreviation } from '@/lib/format/date-time';
import { currentLanguage, locales } from '@/lib/i18n';

/** The wall clock of the unit's zone, e.g. "09.30.15 WIB". */
export function formatClock(now: number, timeZone: string, locale = locales[currentLanguage()]) {
  return (
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(now) +
    ` ${zoneAbbreviation(timeZone)}`
  );
}

/** The unit's date today, e.g. "Rabu, 2 Desember 2026". */
export function formatLongDate(now: number, timeZone: string, locale = locales[currentLanguage()]) {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(now);
}

/** A duration in minutes, rounded to one decimal ("7,5"). */
export function formatMinutes(minutes: number | null | undefined, locale = locales[currentLanguage()]) {
  if (minutes === null || minutes === undefined) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes);
}
