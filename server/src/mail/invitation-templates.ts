import type { Locale, WorkspaceRole } from '@enlace/shared';
import type { InvitationMail } from './mailer.js';

interface Strings {
  subject: (workspace: string) => string;
  intro: (inviter: string, workspace: string, role: string) => string;
  from: (organization: string) => string;
  action: string;
  expires: (date: string) => string;
  ignore: string;
  roles: Record<WorkspaceRole, string>;
}

const STRINGS: Record<Locale, Strings> = {
  en: {
    subject: (w) => `Invitation to join “${w}” on Enlace`,
    intro: (i, w, r) => `${i} invited you to join the workspace “${w}” as ${r}.`,
    from: (o) => `They work at ${o}.`,
    action: 'Open the invitation',
    expires: (d) => `The invitation expires on ${d}.`,
    ignore: 'If you were not expecting this, you can ignore this message.',
    roles: { owner: 'owner', coordinator: 'coordinator', contributor: 'contributor', observer: 'observer' },
  },
  es: {
    subject: (w) => `Invitación a «${w}» en Enlace`,
    intro: (i, w, r) => `${i} le invitó a unirse al espacio de trabajo «${w}» como ${r}.`,
    from: (o) => `Trabaja en ${o}.`,
    action: 'Abrir la invitación',
    expires: (d) => `La invitación vence el ${d}.`,
    ignore: 'Si no esperaba este mensaje, puede ignorarlo.',
    roles: { owner: 'propietario/a', coordinator: 'coordinador/a', contributor: 'colaborador/a', observer: 'observador/a' },
  },
  pt: {
    subject: (w) => `Convite para «${w}» no Enlace`,
    intro: (i, w, r) => `${i} convidou você para participar do espaço de trabalho «${w}» como ${r}.`,
    from: (o) => `Trabalha em ${o}.`,
    action: 'Abrir o convite',
    expires: (d) => `O convite expira em ${d}.`,
    ignore: 'Se você não esperava esta mensagem, pode ignorá-la.',
    roles: { owner: 'proprietário/a', coordinator: 'coordenador/a', contributor: 'colaborador/a', observer: 'observador/a' },
  },
  fr: {
    subject: (w) => `Invitation à rejoindre « ${w} » sur Enlace`,
    intro: (i, w, r) => `${i} vous invite à rejoindre l’espace de travail « ${w} » en tant que ${r}.`,
    from: (o) => `Cette personne travaille à ${o}.`,
    action: 'Ouvrir l’invitation',
    expires: (d) => `L’invitation expire le ${d}.`,
    ignore: 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer.',
    roles: { owner: 'propriétaire', coordinator: 'coordinateur·rice', contributor: 'contributeur·rice', observer: 'observateur·rice' },
  },
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The invitation in the invitee's language (English when unknown). It never carries case data. */
export function renderInvitation(mail: InvitationMail): { subject: string; text: string; html: string } {
  const locale: Locale = mail.locale ?? 'en';
  const s = STRINGS[locale];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(mail.expiresAt);
  const role = s.roles[mail.role];
  const lines = [
    s.intro(mail.inviterName, mail.workspaceTitle, role),
    ...(mail.inviterOrganization ? [s.from(mail.inviterOrganization)] : []),
    ...(mail.personalMessage ? ['', `“${mail.personalMessage}”`] : []),
    '',
    `${s.action}: ${mail.url}`,
    '',
    s.expires(date),
    s.ignore,
  ];
  const paragraphs = [
    s.intro(escapeHtml(mail.inviterName), escapeHtml(mail.workspaceTitle), escapeHtml(role)),
    ...(mail.inviterOrganization ? [s.from(escapeHtml(mail.inviterOrganization))] : []),
    ...(mail.personalMessage ? [`<em>“${escapeHtml(mail.personalMessage)}”</em>`] : []),
    `<a href="${escapeHtml(mail.url)}">${s.action}</a>`,
    `${s.expires(date)} ${s.ignore}`,
  ];
  return {
    subject: s.subject(mail.workspaceTitle),
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${locale}"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
  };
}
