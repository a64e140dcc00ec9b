import type { TFunction } from 'i18next';

import { isStrongEnough, type PasswordStrength } from '@/lib/password-strength';

/**
 * Client-side checks that spare a round trip; the server stays the judge (its field errors win).
 * The limits come from the spec (`@/lib/api/limits.gen`), and the messages that spell them out take
 * them as `{{min}}` and `{{max}}`, so neither the checks nor the texts can drift from the server.
 */

/** A text field's limits as a request schema states them. */
export type LengthLimits = { readonly minLength?: number; readonly maxLength?: number };

/** The length the server checks: characters (Unicode scalar values), not UTF-16 code units. */
export const charCount = (value: string) => [...value].length;

export function lengthWithin(value: string, { minLength = 0, maxLength = Number.POSITIVE_INFINITY }: LengthLimits) {
  const length = charCount(value);
  return length >= minLength && length <= maxLength;
}

/** `{{min}}` and `{{max}}` for a message about `limits`. */
export const lengthBounds = ({ minLength, maxLength }: LengthLimits) => ({ min: minLength, max: maxLength });

/**
 * What is wrong with a text against its limits, in general words, or null. Blank is "required" when
 * the field needs anything at all. Pass the value as it will be sent (trimmed where the form trims).
 */
export function lengthProblem(t: TFunction, value: string, limits: LengthLimits): string | null {
  const { minLength = 0, maxLength } = limits;
  const length = charCount(value);
  if (length === 0 && minLength > 0) return t('validation.required');
  if (length < minLength) {
    return maxLength === undefined
      ? t('validation.tooShort', { min: minLength })
      : t('validation.lengthBetween', lengthBounds(limits));
  }
  if (maxLength !== undefined && length > maxLength) return t('validation.tooLong', { max: maxLength });
  return null;
}

/**
 * What is wrong with a new password, or null: its length, then how guessable it is when `strength`
 * (zxcvbn's estimate of it, null until the estimator has loaded) says so. The server keeps the last word.
 */
export function passwordProblem(
  t: TFunction,
  value: string,
  { minLength = 0, maxLength }: LengthLimits,
  strength: PasswordStrength | null = null,
): string | null {
  const length = charCount(value);
  if (length < minLength) return t('validation.passwordLength', { min: minLength });
  if (maxLength !== undefined && length > maxLength) return t('validation.passwordTooLong', { max: maxLength });
  if (strength && !isStrongEnough(strength)) return t('validation.passwordWeak');
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string) {
  return EMAIL.test(value.trim());
}

/** What is wrong with an email address (its shape, then its length), or null. */
export function emailProblem(t: TFunction, value: string, limits: LengthLimits): string | null {
  return looksLikeEmail(value) ? lengthProblem(t, value.trim(), limits) : t('validation.email');
}

export function blankToUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
