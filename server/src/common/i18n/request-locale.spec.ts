import { requestLocale } from './request-locale.js';

describe('requestLocale', () => {
  it('takes the known language with the highest weight, regional variants counting as the language', () => {
    expect(requestLocale('es')).toBe('es');
    expect(requestLocale('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(requestLocale('de-DE,de;q=0.9,fr;q=0.7,en;q=0.5')).toBe('fr');
    expect(requestLocale('en;q=0.4, es;q=0.8')).toBe('es');
    expect(requestLocale('FR-ca')).toBe('fr');
  });

  it('keeps header order between equal weights and ignores refused languages', () => {
    expect(requestLocale('fr, es')).toBe('fr');
    expect(requestLocale('es;q=0, pt')).toBe('pt');
  });

  it('falls back to English when nothing known is asked for', () => {
    expect(requestLocale(undefined)).toBe('en');
    expect(requestLocale('')).toBe('en');
    expect(requestLocale('de, ja;q=0.5')).toBe('en');
    expect(requestLocale('*')).toBe('en');
  });
});
