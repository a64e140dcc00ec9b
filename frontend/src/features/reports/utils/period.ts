export const presets = ['month', 'quarter', 'semester', 'year', 'custom'] as const;
export type Preset = (typeof presets)[number];
export type FixedPreset = Exclude<Preset, 'custom'>;

export const isPreset = (value: unknown): value is Preset => presets.some((p) => p === value);

/** Today's date (`YYYY-MM-DD`) on the clock of `timeZone`: a unit's day is its own, not the browser's. */
export function todayIn(timeZone: string, now = Date.now()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const firstMonthOf: Record<FixedPreset, (month: number) => number> = {
  month: (month) => month,
  quarter: (month) => Math.floor((month - 1) / 3) * 3 + 1,
  semester: (month) => (month <= 6 ? 1 : 7),
  year: () => 1,
};

/**
 * The days of a preset period so far, in the unit's zone: from the first day of this month,
 * quarter, half-year or year up to today (later days have nothing to report yet).
 */
export function presetRange(preset: FixedPreset, timeZone: string, now = Date.now()): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = firstMonthOf[preset](month);
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: today };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a custom range is whole: two dates, the last not before the first. */
export function isValidRange(from: string, to: string) {
  return isoDate.test(from) && isoDate.test(to) && from <= to;
}
