import { requestLimits } from '@/lib/api/limits.gen';

/** The limits of the API's TemplateRequest (lengths from the spec). */
export const templateLimits = {
  title: requestLimits.TemplateRequest.title,
  shortcut: requestLimits.TemplateRequest.shortcut,
  body: requestLimits.TemplateRequest.body,
} as const;

/** The shortcut's shape, as the spec's pattern states it. */
export const SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The variables a template's body may hold, filled by the server when it is used. */
export const templateVariables = ['nama', 'nomor', 'unit', 'petugas', 'tenggat'] as const;

export type TemplateVariable = (typeof templateVariables)[number];

/** Words in braces the server does not know (it refuses them), each once, in order. */
export function unknownVariables(body: string): string[] {
  const found = [...body.matchAll(/\{([^{}\s]+)\}/g)].map((m) => m[1] ?? '');
  const known: readonly string[] = templateVariables;
  return [...new Set(found.filter((name) => !known.includes(name)))];
}

/** The body's first line that has text, for a list. */
export function firstLine(body: string): string {
  return (
    body
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}

/**
 * `text` with `insert` put between `start` and `end` (a selection is replaced), and where the
 * cursor goes after it.
 */
export function insertAt(text: string, insert: string, start: number, end = start): { value: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { value: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
