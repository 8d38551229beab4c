import type { Locale } from '@enlace/shared';
import { escapeHtml, renderInvitation } from './invitation-templates.js';
import type { InvitationMail } from './invitation-templates.js';

const LINK = 'https://enlace.test/invitations/Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
// Midday UTC, so the long date is the same in every server time zone the tests may run in.
const EXPIRES = new Date(Date.UTC(2030, 2, 12, 12));

const mail = (overrides: Partial<InvitationMail> = {}): InvitationMail => ({
  to: 'ana@ngo.test',
  locale: 'en',
  workspaceTitle: 'Northern border coordination',
  inviterName: 'Lucía Gómez',
  inviterOrganization: 'Ministerio de Justicia',
  role: 'coordinator',
  url: LINK,
  expiresAt: EXPIRES,
  ...overrides,
});

describe('renderInvitation', () => {
  const languages: Array<{ locale: Locale; subject: string; phrase: string; role: string; date: string }> = [
    { locale: 'en', subject: 'Invitation to the workspace', phrase: 'has invited you to join', role: 'as a coordinator', date: 'March 12, 2030' },
    { locale: 'es', subject: 'Invitación al espacio de trabajo', phrase: 'le invita a unirse', role: 'con el rol de coordinador/a', date: '12 de marzo de 2030' },
    { locale: 'pt', subject: 'Convite para o espaço de trabalho', phrase: 'convidou você para participar', role: 'com a função de coordenador(a)', date: '12 de março de 2030' },
    { locale: 'fr', subject: 'Invitation à l’espace de travail', phrase: 'vous invite à rejoindre', role: 'en tant que coordinateur·rice', date: '12 mars 2030' },
  ];

  it.each(languages)('writes the $locale invitation in its language, with the role and the expiry date', ({ locale, subject, phrase, role, date }) => {
    const rendered = renderInvitation(mail({ locale }));
    expect(rendered.subject).toContain(subject);
    expect(rendered.subject).toContain('Northern border coordination');
    for (const body of [rendered.text, rendered.html]) {
      expect(body).toContain(phrase);
      expect(body).toContain(role);
      expect(body).toContain(date);
      expect(body).toContain(LINK);
      expect(body).toContain('Lucía Gómez (Ministerio de Justicia)');
    }
    expect(rendered.html).toContain(`<html lang="${locale}">`);
    expect(rendered.html).toContain(`<a href="${LINK}"`);
  });

  it('translates every role', () => {
    expect(renderInvitation(mail({ locale: 'es', role: 'owner' })).text).toContain('con el rol de propietario/a');
    expect(renderInvitation(mail({ locale: 'pt', role: 'contributor' })).text).toContain('com a função de colaborador(a)');
    expect(renderInvitation(mail({ locale: 'fr', role: 'observer' })).text).toContain('en tant qu’observateur·rice');
    expect(renderInvitation(mail({ locale: 'en', role: 'observer' })).text).toContain('as an observer');
  });

  it('escapes a malicious workspace title, inviter and personal message in the HTML body', () => {
    const rendered = renderInvitation(
      mail({
        workspaceTitle: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
        inviterName: '<b>Eve</b>',
        inviterOrganization: 'O\'Reilly "NGO"',
        personalMessage: '<a href="https://evil.test">click</a>\nsecond line',
      }),
    );
    expect(rendered.html).not.toMatch(/<script|<img|<b>|evil\.test">/);
    expect(rendered.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(rendered.html).toContain('&lt;b&gt;Eve&lt;/b&gt; (O&#39;Reilly &quot;NGO&quot;)');
    expect(rendered.html).toContain('&lt;a href=&quot;https://evil.test&quot;&gt;click&lt;/a&gt;<br>second line');
    // The plain text part and the subject are not HTML, so they keep the title as typed.
    expect(rendered.text).toContain('<script>alert("x")</script>');
    expect(rendered.subject).toContain('<script>alert("x")</script>');
  });

  it('quotes the personal message in the text body and leaves it out when there is none', () => {
    const withMessage = renderInvitation(mail({ personalMessage: 'Welcome aboard.\nSee you Monday.' }));
    expect(withMessage.text).toContain('Message from Lucía Gómez:\n> Welcome aboard.\n> See you Monday.');
    const without = renderInvitation(mail({ personalMessage: '   ' }));
    expect(without.text).not.toContain('Message from');
    expect(without.html).not.toContain('<blockquote');
  });

  it('names the inviter alone when they have no organisation', () => {
    expect(renderInvitation(mail({ inviterOrganization: null })).text).toMatch(/^Lucía Gómez has invited you/);
  });

  it('falls back to English when the invitee has no language, or one the hub does not know', () => {
    const english = renderInvitation(mail({ locale: 'en' }));
    expect(renderInvitation(mail({ locale: null }))).toEqual(english);
    // An account row could hold a language added later or removed since; the mail must still go out.
    expect(renderInvitation(mail({ locale: 'de' as Locale }))).toEqual(english);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a> «ñ»`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt; «ñ»');
  });
});
