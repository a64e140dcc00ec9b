export type WaitLevel = 'ok' | 'near' | 'over';

/** The share of the unit's maximum wait from which a wait is shown as nearing it (amber). */
export const NEAR_SHARE = 0.8;

/**
 * How a wait stands against the unit's maximum: `near` (amber) from 80 % of it, `over` (red)
 * beyond it. A unit without a maximum never warns.
 */
export function waitLevel(waitedMinutes: number, maxMinutes: number | null | undefined): WaitLevel {
  if (!maxMinutes || maxMinutes <= 0) return 'ok';
  if (waitedMinutes > maxMinutes) return 'over';
  if (waitedMinutes >= maxMinutes * NEAR_SHARE) return 'near';
  return 'ok';
}

export const waitColors: Record<WaitLevel, string> = { ok: 'gray', near: 'orange', over: 'red' };

/** Whole minutes and seconds since `iso`, e.g. "08:05" (for the live timers). */
export function formatTimer(iso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

export function minutesSince(iso: string, now: number): number {
  return Math.max(0, (now - new Date(iso).getTime()) / 60_000);
}
