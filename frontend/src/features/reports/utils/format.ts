import { currentLanguage, locales } from '@/lib/i18n';

const dash = '—';

/** A count in the reader's language ("1.234" in Indonesian). */
export function formatCount(value: number, locale = locales[currentLanguage()]) {
  return new Intl.NumberFormat(locale).format(value);
}

/** A figure with at most `digits` decimals ("3,5"), or a dash when there is none. */
export function formatDecimal(value: number | null | undefined, digits = 1, locale = locales[currentLanguage()]) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** The IKM always with its two decimals ("88,30"), as the index is published. */
export function formatIkm(value: number | null | undefined, locale = locales[currentLanguage()]) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A percentage the server already computed ("87,5 %" in Indonesian, "87.5%" in English). */
export function formatPercent(value: number | null | undefined, locale = locales[currentLanguage()]) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A share of a total as a percentage, or a dash when the total is nothing. */
export function formatShare(count: number, total: number, locale = locales[currentLanguage()]) {
  return total > 0 ? formatPercent((count / total) * 100, locale) : dash;
}

/** A plain date of the report (`YYYY-MM-DD`), e.g. "1 Okt 2026". */
export function formatReportDate(date: string, locale = locales[currentLanguage()]) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
