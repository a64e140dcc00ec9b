import { useTranslation } from 'react-i18next';

import { isApiError, isErrorCode } from './problem';

/** Turns any error into a sentence for people: translated by `code` when we know it. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error)) {
      const base = isErrorCode(error.code)
        ? t(`errors.codes.${error.code}`)
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
