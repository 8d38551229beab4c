// Imported, not global: the client's tsconfig has no Jest types.
import { describe, expect, it } from '@jest/globals';
import i18next from 'i18next';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import { groupNumbersAlways } from './number-format.js';

describe('numbers in sentences', () => {
  it('groups digits the way the interface language does, four-digit Spanish numbers included', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { en: { translation: en }, es: { translation: es } }, lng: 'en', interpolation: { escapeValue: false } });
    groupNumbersAlways(instance);
    expect(instance.t('auth.signIn.rateLimited', { count: 1667, lng: 'es' })).toBe('Demasiados intentos fallidos de inicio de sesión. Vuelva a intentarlo dentro de 1.667 minutos.');
    expect(instance.t('auth.signIn.rateLimited', { count: 1667, lng: 'en' })).toBe('Too many failed sign-in attempts. Try again in 1,667 minutes.');
    expect(instance.t('auth.signIn.rateLimited', { count: 1, lng: 'es' })).toBe('Demasiados intentos fallidos de inicio de sesión. Vuelva a intentarlo dentro de 1 minuto.');
  });
});
