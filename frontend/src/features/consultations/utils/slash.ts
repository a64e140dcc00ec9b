/** The `/shortcut` being typed just before the caret (at a line's or a word's start), if any. */
export function slashAt(text: string, caret: number): { start: number; q: string } | null {
  const match = /(^|\s)\/([a-z0-9-]{0,32})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, q: match[2] };
}
