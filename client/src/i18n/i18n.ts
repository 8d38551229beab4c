import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '@enlace/shared';
import { DEFAULT_LANGUAGE, detectLanguage } from './languages';
import { groupNumbersAlways } from './number-format';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { pt } from './locales/pt';

export const resources = {
  en: { translation: en },
  es: { translation: es },
  pt: { translation: pt },
  fr: { translation: fr },
} as const;

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
void i18next.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LOCALES,
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

groupNumbersAlways(i18next);

export { i18next };
