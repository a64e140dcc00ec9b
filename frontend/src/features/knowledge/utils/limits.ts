/** The limits of the API's ArticleRequest: not stated by the spec yet, so repeated here. */
export const articleLimits = {
  title: { min: 5, max: 200 },
  question: { min: 10, max: 5000 },
  answer: { min: 20, max: 50_000 },
  tags: 12,
  tag: 40,
} as const;

/** The limits of the API's SynonymList. */
export const synonymLimits = { groups: 1000, terms: { min: 2, max: 20 }, term: 80 } as const;
