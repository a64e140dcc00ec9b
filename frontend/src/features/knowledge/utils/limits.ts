import { requestLimits } from '@/lib/api/limits.gen';

/**
 * The limits of the API's ArticleRequest. The texts' lengths come from the spec; the tags are
 * checked by a custom validator the spec does not describe, so their limits are repeated here.
 */
export const articleLimits = {
  title: requestLimits.ArticleRequest.title,
  question: requestLimits.ArticleRequest.question,
  answer: requestLimits.ArticleRequest.answer,
  tags: 12,
  tag: 40,
} as const;

/** The limits of the API's SynonymList: checked by custom code the spec does not describe, so repeated here. */
export const synonymLimits = { groups: 1000, terms: { min: 2, max: 20 }, term: 80 } as const;
