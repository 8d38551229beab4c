import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@enlace/shared';
import { isLocale, LANGUAGE_NAMES, storeLanguage } from './languages';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const language = event.target.value;
    if (!isLocale(language)) return;
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.resolvedLanguage ?? i18n.language} onChange={onChange}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
