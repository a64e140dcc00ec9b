import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { storageKeys } from '@/config/storage-keys';

import { en } from './locales/en';
import { id } from './locales/id';

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'id';

export function isLanguage(value: unknown): value is Language {
  return languages.some((l) => l === value);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKeys.language);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

/** The BCP 47 locale used for dates and numbers in each language. */
export const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
}

export async function changeLanguage(language: Language) {
  await i18n.changeLanguage(language);
  try {
    localStorage.setItem(storageKeys.language, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this visit only.
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = `${i18n.t('common.appName')} — ${i18n.t('common.appTagline')}`;
});

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
  returnNull: false,
});

export { i18n };
