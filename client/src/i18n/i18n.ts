import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@enlace/shared';
import type { Translation } from './locales/en';
import { detectLanguage, isLocale } from './languages';
import { groupNumbersAlways } from './number-format';

// Each language is its own chunk, fetched when it is first used: the first page loads one, not four.
const TRANSLATIONS: Record<Locale, () => Promise<Translation>> = {
  en: () => import('./locales/en').then((module) => module.en),
  es: () => import('./locales/es').then((module) => module.es),
  pt: () => import('./locales/pt').then((module) => module.pt),
  fr: () => import('./locales/fr').then((module) => module.fr),
};
// The date pickers' month and day names (dayjs), with the texts.
const DATE_LOCALES: Record<Locale, () => Promise<unknown>> = {
  en: () => import('dayjs/locale/en'),
  es: () => import('dayjs/locale/es'),
  pt: () => import('dayjs/locale/pt'),
  fr: () => import('dayjs/locale/fr'),
};

/** i18next's loader: `changeLanguage` waits for it, so the interface switches once the texts are here. */
const lazyTranslations: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLocale(language)) return callback(new Error(`no translation for ${language}`), false);
    Promise.all([TRANSLATIONS[language](), DATE_LOCALES[language]()]).then(
      ([translation]) => callback(null, translation),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Resolves once the active language's texts are loaded: the first render waits for it, so it is already translated. */
export const i18nReady = i18next
  .use(lazyTranslations)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    // Every language is complete (the locales are typed against English), so none falls back on another,
    // and only the active one is fetched.
    fallbackLng: false,
    supportedLngs: LOCALES,
    load: 'currentOnly',
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  })
  .then(() => groupNumbersAlways(i18next));

export { i18next };
