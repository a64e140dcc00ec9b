/** localStorage keys, prefixed so they never clash with another app on the same origin. */
export const storageKeys = {
  session: 'statkonsul.session',
  language: 'statkonsul.language',
} as const;
