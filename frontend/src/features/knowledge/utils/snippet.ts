/** A piece of a search snippet: text, and whether the search matched it. */
export type SnippetPart = { text: string; marked: boolean };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Undoes the server's HTML escaping, once: `&amp;lt;` is the text `&lt;`, not `<`. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * The parts of a snippet as the search sends it: HTML-escaped text with the matching words in
 * `<mark>…</mark>`. Only those two tags mean anything; everything else is text (the server escaped
 * any `<` of the article itself, so no other tag can appear).
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) {
      const text = unescapeHtml(piece);
      const last = parts.at(-1);
      if (last?.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}
