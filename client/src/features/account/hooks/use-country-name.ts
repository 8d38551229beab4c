import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** "AR" → "Argentina" in the interface language, by the browser's own CLDR data. */
export function useCountryName(code: string): string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    try {
      return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }, [code, language]);
}
