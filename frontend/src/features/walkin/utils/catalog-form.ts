import { isApiError } from '@/lib/api/problem';

/**
 * The server's field errors of a list edit as the form names its fields: `services[2].prefix`
 * becomes `services.2.prefix`; an error of the whole list (`services`: a code twice) keeps its name.
 */
export function listFormErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field.replace(/\[(\d+)\]/g, '.$1'), message]));
}

/** The server's names of the fields the list form shows, so its alert does not repeat them. */
export function listFields(error: unknown): string[] {
  return isApiError(error) ? Object.keys(error.fieldErrors) : [];
}

/** Codes of services and desks: lowercase letters, digits and hyphens (the spec's pattern). */
export const CODE = /^[a-z0-9-]+$/;

/** A service's ticket prefix: one capital letter. */
export const PREFIX = /^[A-Z]$/;

/** The index of the list row a form path names (`services.2.code` → 2). */
export function rowOf(path: string): number {
  return Number(path.split('.')[1]);
}

let next = 0;
/** A key that stays with a row while rows move. */
export const rowKey = () => `row-${(next += 1)}`;
