import { NativeSelect } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@enlace/shared';
import { isLocale, LANGUAGE_NAMES, storeLanguage } from './languages';

/**
 * A native select, which every phone and screen reader knows how to use: compact in the top bar, or as a
 * labelled form field (`field`, on the account page).
 */
export function LanguageSwitcher({ field = false }: { field?: boolean }) {
  const { t, i18n } = useTranslation();

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const language = event.target.value;
    if (!isLocale(language)) return;
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <NativeSelect
      {...(field ? { label: t('shell.interfaceLanguage'), maw: 320 } : { 'aria-label': t('language.label'), size: 'xs', w: { base: 96, sm: 120 } })}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={onChange}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LANGUAGE_NAMES[locale]}
        </option>
      ))}
    </NativeSelect>
  );
}
