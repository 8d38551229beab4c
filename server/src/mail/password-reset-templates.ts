import type { Locale } from '@enlace/shared';
import { escapeHtml, resolveLocale, type RenderedMail } from './invitation-templates.js';

export interface PasswordResetMail {
  to: string;
  locale: Locale | null;
  /** Carries the reset token: never logged. */
  url: string;
  /** Set when an administrator asked for the link rather than the person. */
  requestedBy?: string;
}

/** Translations hold no HTML-special characters: the HTML body escapes only the arguments. */
interface Strings {
  subject: string;
  intro: string;
  byAdmin: (admin: string) => string;
  action: string;
  copyLink: string;
  expiry: string;
  ignore: string;
}

const STRINGS: Record<Locale, Strings> = {
  en: {
    subject: 'Choose a new password for Enlace',
    intro: 'Someone asked to reset the password of your Enlace account.',
    byAdmin: (a) => `${a}, an administrator of your organisation, sent you this link.`,
    action: 'Choose a new password',
    copyLink: 'If the link does not open, copy this address into your browser:',
    expiry: 'The link works once, for one hour. Setting a new password signs you out everywhere.',
    ignore: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  },
  es: {
    subject: 'Elija una nueva contraseña para Enlace',
    intro: 'Se solicitó restablecer la contraseña de su cuenta de Enlace.',
    byAdmin: (a) => `${a}, administrador/a de su organización, le envió este enlace.`,
    action: 'Elegir una nueva contraseña',
    copyLink: 'Si el enlace no se abre, copie esta dirección en su navegador:',
    expiry: 'El enlace funciona una sola vez, durante una hora. Al establecer una nueva contraseña se cerrarán todas sus sesiones.',
    ignore: 'Si no lo solicitó, ignore este correo: su contraseña no cambia.',
  },
  pt: {
    subject: 'Escolha uma nova senha para o Enlace',
    intro: 'Foi pedida a redefinição da senha da sua conta do Enlace.',
    byAdmin: (a) => `${a}, administrador(a) da sua organização, enviou este link para você.`,
    action: 'Escolher uma nova senha',
    copyLink: 'Se o link não abrir, copie este endereço no seu navegador:',
    expiry: 'O link funciona uma única vez, durante uma hora. Definir uma nova senha encerra todas as suas sessões.',
    ignore: 'Se você não pediu isso, ignore este e-mail: sua senha continua a mesma.',
  },
  fr: {
    subject: 'Choisissez un nouveau mot de passe pour Enlace',
    intro: 'Une réinitialisation du mot de passe de votre compte Enlace a été demandée.',
    byAdmin: (a) => `${a}, administrateur·rice de votre organisation, vous a envoyé ce lien.`,
    action: 'Choisir un nouveau mot de passe',
    copyLink: 'Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur\u00a0:',
    expiry: 'Le lien ne fonctionne qu’une fois, pendant une heure. Choisir un nouveau mot de passe ferme toutes vos sessions.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message\u00a0: votre mot de passe reste inchangé.',
  },
};

/** The reset link in the person's language, and nothing else about the account. */
export function renderPasswordReset(mail: PasswordResetMail): RenderedMail {
  const locale = resolveLocale(mail.locale);
  const s = STRINGS[locale];
  const intro = mail.requestedBy ? s.byAdmin(mail.requestedBy) : s.intro;
  const text = [intro, '', `${s.action}:`, mail.url, '', s.expiry, s.ignore, ''].join('\n');
  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${e(s.subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1a1a1a">',
    `<p>${mail.requestedBy ? s.byAdmin(e(mail.requestedBy)) : s.intro}</p>`,
    `<p><a href="${e(mail.url)}" style="font-weight: bold">${s.action}</a></p>`,
    `<p style="font-size: 0.9em">${s.copyLink}<br>${e(mail.url)}</p>`,
    `<p>${s.expiry}</p>`,
    `<p style="font-size: 0.9em; color: #555">${s.ignore}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject: s.subject, text, html };
}
