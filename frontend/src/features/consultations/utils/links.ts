/** A piece of a message's plain text: words as they are, or a web link to render as one. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A candidate starts with http:// or https:// at a word's start and runs to the next space (or a
// character that never belongs in a link written in prose). Nothing else becomes a link: no other
// scheme (javascript:, data:, mailto:), and no `www.` without a scheme.
const candidate = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"'`]+/giu;

// Punctuation that closes a sentence or a clause rather than the link.
const trailing = /[.,;:!?…)\]}]$/u;

function closes(url: string, closing: string, opening: string) {
  return url.split(closing).length > url.split(opening).length;
}

/** Drops the sentence's punctuation from a link's end; keeps a bracket the link itself opened, as in `…/Foo_(bar)`. */
function trim(url: string) {
  let end = url;
  while (trailing.test(end)) {
    const last = end.at(-1)!;
    if (last === ')' && !closes(end, ')', '(')) break;
    if (last === ']' && !closes(end, ']', '[')) break;
    if (last === '}' && !closes(end, '}', '{')) break;
    end = end.slice(0, -1);
  }
  return end;
}

function isWebLink(text: string) {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Splits plain text into text and http(s) links, for rendering the links as anchors without any
 * HTML from the writer. Joining every part's `text` gives back the text unchanged.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = 0;
  const push = (piece: string) => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += piece;
    else parts.push({ kind: 'text', text: piece });
  };
  for (const match of text.matchAll(candidate)) {
    const url = trim(match[0]);
    if (!isWebLink(url)) continue;
    push(text.slice(rest, match.index));
    parts.push({ kind: 'link', text: url, href: url });
    rest = match.index + url.length;
  }
  push(text.slice(rest));
  return parts;
}
