import { useTranslation } from 'react-i18next';

import type { Messages } from '@/lib/i18n/locales/id';

import { isApiError } from './problem';

type ErrorCode = keyof Messages['errors']['codes'];

/** Turns any error into a sentence for people: translated by `code` when we know it. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error)) {
      const key = `errors.codes.${error.code}`;
      const known = i18n.exists(key);
      const base = known
        ? t(key as `errors.codes.${ErrorCode}`)
        : (error.problem?.detail ?? error.problem?.title ?? t('errors.unexpected'));
      if (error.retryAfterSeconds !== null && error.retryAfterSeconds > 0) {
        const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
        return `${base} ${t('errors.retryAfter', { count: minutes })}`;
      }
      return base;
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.unexpected');
  };
}
