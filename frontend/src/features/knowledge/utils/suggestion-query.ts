/** The longest text sent as a suggestion query: enough to find an article, short enough to stay fast. */
export const SUGGESTION_QUERY_MAX = 300;
/** Fewer letters than this find nothing useful. */
export const SUGGESTION_MIN_LETTERS = 3;

/** What the suggestions search for: the subject and the question as typed so far. */
export function suggestionQuery(subject: string, question: string): string {
  return `${subject.trim()} ${question.trim()}`.trim().slice(0, SUGGESTION_QUERY_MAX).trim();
}

export function hasEnoughLetters(text: string): boolean {
  return (text.match(/\p{L}/gu)?.length ?? 0) >= SUGGESTION_MIN_LETTERS;
}
