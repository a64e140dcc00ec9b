import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { changeLanguage, isLanguage, languages } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'id'}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
      data={languages.map((language) => ({
        value: language,
        label: <span title={t(`language.${language}`)}>{language.toUpperCase()}</span>,
      }))}
    />
  );
}
