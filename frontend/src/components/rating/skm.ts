import type { Scores } from '@/lib/api/types';

/** The nine SKM elements (PermenPANRB No. 14/2017), scored 1 (tidak baik) to 4 (sangat baik). */
export const skmElements = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const satisfies readonly (keyof Scores)[];

export const skmScores = ['1', '2', '3', '4'] as const;
