import type { Score, TranslationKeys } from '@zxcvbn-ts/core';

import { everyValueOf } from '@/lib/api/enums';

/**
 * The estimate the server makes of a new password (zxcvbn, with the person's name and email as words an
 * attacker would try first), made here too so that a weak password is refused before it is sent. The
 * server stays the judge: its field error still shows when the two disagree.
 */

/** The weakest zxcvbn score (0–4) the server accepts. */
export const minimumPasswordScore = 3;

export type PasswordWarning = keyof TranslationKeys['warnings'];
export type PasswordSuggestion = keyof TranslationKeys['suggestions'];

export type PasswordStrength = {
  score: Score;
  /** What makes the password guessable, as a key of zxcvbn's feedback texts. */
  warning: PasswordWarning | null;
  suggestions: PasswordSuggestion[];
};

export type PasswordEstimator = (password: string, userInputs: readonly string[]) => PasswordStrength;

export const isStrongEnough = (strength: PasswordStrength) => strength.score >= minimumPasswordScore;

/** Words of the service that a guesser would try first (the server adds the same). */
const serviceWords = ['statkonsul', 'bps', 'pst', 'konsultasi', 'statistik'];

const longEnough = (word: string) => [...word].length >= 3;

/**
 * What a guesser knows of the person, as the server gives it to zxcvbn: the email, its name part and
 * that part's pieces, the full name and its words, and the service's own words. The name written
 * without spaces is added here too: zxcvbn would otherwise take "SitiRahma2026" for three unrelated
 * pieces and call it strong, where the server refuses it.
 */
export function passwordUserInputs(fullName: string, email: string): string[] {
  const name = fullName.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  const inputs = [
    address,
    localPart,
    name,
    name.replace(/\s+/g, ''),
    ...localPart.split(/[._+-]/).filter(longEnough),
    ...name.split(/\s+/).filter(longEnough),
    ...serviceWords,
  ];
  return [...new Set(inputs)].filter((input) => input !== '');
}

let loading: Promise<PasswordEstimator> | undefined;

/**
 * zxcvbn with its dictionaries, loaded once and only by the pages that choose a password: the
 * dictionaries weigh more than the rest of the app. A failed load is retried on the next call.
 */
export function loadPasswordEstimator(): Promise<PasswordEstimator> {
  loading ??= createEstimator().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function createEstimator(): Promise<PasswordEstimator> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  // No `translations`: zxcvbn then answers with the keys of its texts, which the app translates.
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return (password, userInputs) => {
    const { score, feedback } = zxcvbn.check(password, [...userInputs]);
    return {
      score,
      warning: isWarning(feedback.warning) ? feedback.warning : null,
      suggestions: feedback.suggestions.filter(isSuggestion),
    };
  };
}

// Every key zxcvbn answers with (the type check fails when a version adds one), to narrow its plain strings.
const warnings: readonly string[] = everyValueOf<PasswordWarning>()([
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
]);
const suggestions: readonly string[] = everyValueOf<PasswordSuggestion>()([
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned',
]);

const isWarning = (key: string | null): key is PasswordWarning => key !== null && warnings.includes(key);
const isSuggestion = (key: string): key is PasswordSuggestion => suggestions.includes(key);
