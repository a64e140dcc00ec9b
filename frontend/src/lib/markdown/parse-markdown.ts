/**
 * A small markdown reader for knowledge-base answers: headings, paragraphs, bullet and numbered
 * lists, bold, italic, inline code and http(s) links. It yields a tree, never HTML, so whatever an
 * answer contains (`<script>`, `javascript:` links) can only ever be shown as text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const INDENTED = /^(?: {2,}|\t)/;
const ESCAPABLE = /[\\`*_[\]()#+\-.!>]/;
const URL_IN_TEXT = /https?:\/\/[^\s<>()]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/;

/** The address if it is an absolute http(s) URL; null for anything else (`javascript:`, `data:`, relative). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** Plain text with bare http(s) addresses made into links. */
function textWithLinks(text: string, out: Inline[]) {
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHref(url);
    if (!href) continue;
    if (match.index > last) out.push({ type: 'text', text: text.slice(last, match.index) });
    out.push({ type: 'link', href, children: [{ type: 'text', text: url }] });
    last = match.index + url.length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
}

/** Where an emphasis opened at `from` with `delimiter` closes, or -1. */
function closingDelimiter(text: string, from: number, delimiter: string): number {
  const start = from + delimiter.length;
  if (isSpace(text[start])) return -1;
  // `_` emphasises whole words only, so snake_case stays as it is.
  if (delimiter[0] === '_' && isWordChar(text[from - 1])) return -1;
  for (let j = text.indexOf(delimiter, start + 1); j !== -1; j = text.indexOf(delimiter, j + 1)) {
    if (isSpace(text[j - 1])) continue;
    if (delimiter.length === 1 && text[j + 1] === delimiter) {
      j += 1;
      continue;
    }
    if (delimiter[0] === '_' && isWordChar(text[j + delimiter.length])) continue;
    return j;
  }
  return -1;
}

/** The inline content of one block's text. */
export function parseInline(text: string, autolink = true): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (!plain) return;
    if (autolink) textWithLinks(plain, out);
    else out.push({ type: 'text', text: plain });
    plain = '';
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];

    if (ch === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      plain += next;
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      out.push({ type: 'break' });
      i += 1;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]\n]+)\]\(\s*([^)\s]+)\s*\)/.exec(text.slice(i));
      if (link) {
        const href = safeHref(link[2]);
        if (href) {
          flush();
          out.push({ type: 'link', href, children: parseInline(link[1], false) });
        } else {
          // Not a web address: shown exactly as written, and never followed.
          plain += link[0];
        }
        i += link[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const delimiter = next === ch ? ch + ch : ch;
      const end = closingDelimiter(text, i, delimiter);
      if (end !== -1) {
        flush();
        const children = parseInline(text.slice(i + delimiter.length, end), autolink);
        out.push(delimiter.length === 2 ? { type: 'strong', children } : { type: 'em', children });
        i = end + delimiter.length;
        continue;
      }
      // An unmatched run of delimiters is text.
      plain += delimiter;
      i += delimiter.length;
      continue;
    }
    plain += ch;
    i += 1;
  }
  flush();
  return out;
}

type OpenList = { ordered: boolean; start: number; items: string[] };

/** The blocks of a markdown text. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: OpenList | null = null;
  let blankBefore = false;

  const closeParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const closeList = () => {
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((item) => parseInline(item)),
      });
    }
    list = null;
  };
  const addItem = (ordered: boolean, start: number, text: string) => {
    closeParagraph();
    if (list && list.ordered !== ordered) closeList();
    list ??= { ordered, start, items: [] };
    list.items.push(text.trim());
  };

  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      closeParagraph();
      blankBefore = true;
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    const openList = list as OpenList | null;
    if (heading) {
      closeParagraph();
      closeList();
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2]) });
    } else if (bullet) {
      addItem(false, 1, bullet[1]);
    } else if (ordered) {
      addItem(true, Number(ordered[1]), ordered[2]);
    } else if (openList && (!blankBefore || INDENTED.test(line))) {
      // The item goes on: a line right below it, or an indented one after a blank line.
      const last = openList.items.length - 1;
      openList.items[last] = `${openList.items[last]}${blankBefore ? '\n' : ' '}${line.trim()}`;
    } else {
      closeList();
      paragraph.push(line.trim());
    }
    blankBefore = false;
  }
  closeParagraph();
  closeList();
  return blocks;
}
