import { LOCALES, type Locale, type WorkspaceRole } from '@enlace/shared';

export interface InvitationMail {
  to: string;
  /** The invitee's language when they already have an account; null falls back to English. */
  locale: Locale | null;
  workspaceTitle: string;
  inviterName: string;
  inviterOrganization: string | null;
  role: WorkspaceRole;
  /** Carries the invitation's secret token: never logged. */
  url: string;
  expiresAt: Date;
  personalMessage?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Translations hold no HTML-special characters: the HTML body uses them verbatim and escapes only the arguments. */
interface Strings {
  subject: (workspace: string) => string;
  intro: (inviter: string, workspace: string, role: string) => string;
  messageFrom: (inviter: string) => string;
  openLink: string;
  colon: string;
  copyLink: string;
  expires: (date: string) => string;
  personal: string;
  ignore: string;
  /** The role as it ends the intro sentence, preposition included, since the grammar differs per language. */
  roles: Record<WorkspaceRole, string>;
}

const NBSP = '\u00a0';

const STRINGS: Record<Locale, Strings> = {
  en: {
    subject: (w) => `Invitation to the workspace “${w}” on Enlace`,
    intro: (i, w, r) => `${i} has invited you to join the workspace “${w}” on Enlace ${r}.`,
    messageFrom: (i) => `Message from ${i}:`,
    openLink: 'Open the invitation',
    colon: ':',
    copyLink: 'If the link does not open, copy this address into your browser:',
    expires: (d) => `This invitation expires on ${d}.`,
    personal: 'The link is personal: please do not forward this e-mail.',
    ignore: 'If you were not expecting this invitation, you can ignore this e-mail.',
    roles: { owner: 'as an owner', coordinator: 'as a coordinator', contributor: 'as a contributor', observer: 'as an observer' },
  },
  es: {
    subject: (w) => `Invitación al espacio de trabajo «${w}» en Enlace`,
    intro: (i, w, r) => `${i} le invita a unirse al espacio de trabajo «${w}» en Enlace ${r}.`,
    messageFrom: (i) => `Mensaje de ${i}:`,
    openLink: 'Abrir la invitación',
    colon: ':',
    copyLink: 'Si el enlace no se abre, copie esta dirección en su navegador:',
    expires: (d) => `Esta invitación vence el ${d}.`,
    personal: 'El enlace es personal: por favor, no reenvíe este correo.',
    ignore: 'Si no esperaba esta invitación, puede ignorar este correo.',
    roles: {
      owner: 'con el rol de propietario/a',
      coordinator: 'con el rol de coordinador/a',
      contributor: 'con el rol de colaborador/a',
      observer: 'con el rol de observador/a',
    },
  },
  pt: {
    subject: (w) => `Convite para o espaço de trabalho “${w}” no Enlace`,
    intro: (i, w, r) => `${i} convidou você para participar do espaço de trabalho “${w}” no Enlace ${r}.`,
    messageFrom: (i) => `Mensagem de ${i}:`,
    openLink: 'Abrir o convite',
    colon: ':',
    copyLink: 'Se o link não abrir, copie este endereço no seu navegador:',
    expires: (d) => `Este convite expira em ${d}.`,
    personal: 'O link é pessoal: por favor, não encaminhe este e-mail.',
    ignore: 'Se você não esperava este convite, pode ignorar este e-mail.',
    roles: {
      owner: 'com a função de proprietário(a)',
      coordinator: 'com a função de coordenador(a)',
      contributor: 'com a função de colaborador(a)',
      observer: 'com a função de observador(a)',
    },
  },
  fr: {
    subject: (w) => `Invitation à l’espace de travail «${NBSP}${w}${NBSP}» sur Enlace`,
    intro: (i, w, r) => `${i} vous invite à rejoindre l’espace de travail «${NBSP}${w}${NBSP}» sur Enlace ${r}.`,
    messageFrom: (i) => `Message de ${i}${NBSP}:`,
    openLink: 'Ouvrir l’invitation',
    colon: `${NBSP}:`,
    copyLink: `Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur${NBSP}:`,
    expires: (d) => `Cette invitation expire le ${d}.`,
    personal: `Ce lien est personnel${NBSP}: merci de ne pas transférer ce message.`,
    ignore: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
    roles: {
      owner: 'en tant que propriétaire',
      coordinator: 'en tant que coordinateur·rice',
      contributor: 'en tant que contributeur·rice',
      // Elided before a vowel.
      observer: 'en tant qu’observateur·rice',
    },
  },
};

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Whatever the account row says, an unknown language falls back to English rather than failing the invitation. */
export function resolveLocale(locale: string | null): Locale {
  return LOCALES.find((known) => known === locale) ?? 'en';
}

/**
 * The invitation in the invitee's language: who invites, into which workspace, with which role, the
 * link and its expiry. Deliberately nothing else, so that no case data ever leaves the hub by e-mail.
 */
export function renderInvitation(mail: InvitationMail): RenderedMail {
  const locale = resolveLocale(mail.locale);
  const s = STRINGS[locale];
  const expiry = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(mail.expiresAt);
  const role = s.roles[mail.role];
  const inviter = mail.inviterOrganization ? `${mail.inviterName} (${mail.inviterOrganization})` : mail.inviterName;
  const message = mail.personalMessage?.trim();
  const subject = s.subject(mail.workspaceTitle);

  const text = [
    s.intro(inviter, mail.workspaceTitle, role),
    ...(message ? ['', s.messageFrom(mail.inviterName), ...message.split(/\r?\n/).map((line) => `> ${line}`)] : []),
    '',
    `${s.openLink}${s.colon}`,
    mail.url,
    '',
    s.expires(expiry),
    s.personal,
    s.ignore,
    '',
  ].join('\n');

  const e = escapeHtml;
  const url = e(mail.url);
  const html = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1a1a1a">',
    `<p>${s.intro(e(inviter), e(mail.workspaceTitle), e(role))}</p>`,
    ...(message
      ? [
          `<p>${s.messageFrom(e(mail.inviterName))}</p>`,
          `<blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc">${message.split(/\r?\n/).map(e).join('<br>')}</blockquote>`,
        ]
      : []),
    `<p><a href="${url}" style="font-weight: bold">${s.openLink}</a></p>`,
    `<p style="font-size: 0.9em">${s.copyLink}<br>${url}</p>`,
    `<p>${s.expires(e(expiry))}</p>`,
    `<p style="font-size: 0.9em; color: #555">${s.personal} ${s.ignore}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return { subject, text, html };
}
