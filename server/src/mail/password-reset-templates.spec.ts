import type { Locale } from '@enlace/shared';
import { renderPasswordReset } from './password-reset-templates.js';

const LINK = 'https://enlace.test/reset-password/Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0';

describe('renderPasswordReset', () => {
  const languages: Array<{ locale: Locale; subject: string; phrase: string }> = [
    { locale: 'en', subject: 'Choose a new password for Enlace', phrase: 'works once, for one hour' },
    { locale: 'es', subject: 'Elija una nueva contraseña para Enlace', phrase: 'una sola vez, durante una hora' },
    { locale: 'pt', subject: 'Escolha uma nova senha para o Enlace', phrase: 'uma única vez, durante uma hora' },
    { locale: 'fr', subject: 'Choisissez un nouveau mot de passe pour Enlace', phrase: 'qu’une fois, pendant une heure' },
  ];

  it.each(languages)('writes the $locale e-mail in its language, with the link in both bodies', ({ locale, subject, phrase }) => {
    const rendered = renderPasswordReset({ to: 'ana@ngo.test', locale, url: LINK });
    expect(rendered.subject).toBe(subject);
    for (const body of [rendered.text, rendered.html]) {
      expect(body).toContain(phrase);
      expect(body).toContain(LINK);
    }
    expect(rendered.html).toContain(`<html lang="${locale}">`);
  });

  it('names the administrator who sent it, escaped in the HTML body', () => {
    const rendered = renderPasswordReset({ to: 'ana@ngo.test', locale: 'en', url: LINK, requestedBy: '<b>Eve</b>' });
    expect(rendered.text).toContain('<b>Eve</b>, an administrator of your organisation');
    expect(rendered.html).toContain('&lt;b&gt;Eve&lt;/b&gt;, an administrator of your organisation');
  });

  it('falls back to English without a known language', () => {
    expect(renderPasswordReset({ to: 'ana@ngo.test', locale: null, url: LINK }).subject).toBe('Choose a new password for Enlace');
  });
});
