import type { Scores } from '@/lib/api/types';

/** The nine SKM elements (PermenPANRB No. 14/2017), scored 1 to 4. */
export const skmElements = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const satisfies readonly (keyof Scores)[];

export const skmScores = ['1', '2', '3', '4'] as const;

export type SkmElement = (typeof skmElements)[number];
export type SkmScore = (typeof skmScores)[number];

/** A score as the questionnaire's answer key; the API keeps scores within 1–4. */
export function scoreKey(score: number): SkmScore {
  return skmScores.find((s) => s === String(score)) ?? '1';
}

/** The questionnaire's answer for an element's score, e.g. u4 → 4: "Gratis". */
export const answerKey = (element: SkmElement, score: number) => `ratingDesk.skm.answers.${element}.${scoreKey(score)}` as const;

/** Scores of 1 and 2 are the questionnaire's two lower answers: worth a second look. */
export const isLowScore = (score: number) => score <= 2;
