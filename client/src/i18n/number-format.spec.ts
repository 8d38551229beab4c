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
    expect(instance.t('home.workspaceCount', { count: 1667, lng: 'es' })).toBe('Es miembro de 1.667 espacios de trabajo.');
    expect(instance.t('home.workspaceCount', { count: 1667, lng: 'en' })).toBe('You are a member of 1,667 workspaces.');
    expect(instance.t('home.workspaceCount', { count: 1, lng: 'es' })).toBe('Es miembro de 1 espacio de trabajo.');
  });
});
