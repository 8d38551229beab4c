import type { Page } from 'playwright-core';
import { mailHeader, outboxMessages } from '../support/outbox.js';
import { adminToken, api, createOrganization, createPerson, ministryColleagues, signIn } from './support/app.js';
import { browserHarness } from './support/harness.js';

describe('invitations: no duplicates, resending, and the language of the e-mail', () => {
  const e2e = browserHarness();

  const mailsTo = (to: string) => outboxMessages(e2e.server.dataDir).filter((eml) => mailHeader(eml, 'To') === to);

  async function openInviteDialog(page: Page, workspaceId: string, button: string, dialog: string) {
    await page.goto(`/workspaces/${workspaceId}?tab=invitations`);
    await page.getByRole('button', { name: button }).click();
    return page.getByRole('dialog', { name: dialog });
  }

  it('refuses a second invitation to the same person, says so, and resends the first with a new link', async () => {
    const { owner } = await ministryColleagues(e2e.server);
    const workspace = await api<{ id: string }>(e2e.server, '/api/workspaces', { token: owner.token, body: { kind: 'case', title: 'Caso AR-2026-0042' } });
    const { page } = await e2e.open();
    await signIn(page, owner.email, owner.password);

    let dialog = await openInviteDialog(page, workspace.id, 'Invite someone', 'Invite someone to this workspace');
    await dialog.getByLabel(/^E-mail/).fill('lucia@refugio.test');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog.getByText('Invitation created and e-mailed.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    dialog = await openInviteDialog(page, workspace.id, 'Invite someone', 'Invite someone to this workspace');
    await dialog.getByLabel(/^E-mail/).fill('lucia@refugio.test');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog.getByText('An invitation to lucia@refugio.test is already pending', { exact: false }).waitFor();
    expect(await dialog.innerText()).toContain('No second invitation was created.');
    await dialog.getByRole('button', { name: 'Resend invitation' }).click();
    await dialog.getByText('Invitation sent again by e-mail, with a new link. The earlier link no longer works.').waitFor();
    const link = await dialog.getByLabel('Invitation link').inputValue();

    const mails = mailsTo('lucia@refugio.test');
    expect(mails).toHaveLength(2);
    expect(mails[1].replace(/=\r?\n/g, '')).toContain(new URL(link).pathname);
    const pending = await api<{ items: unknown[] }>(e2e.server, `/api/workspaces/${workspace.id}/invitations`, { token: owner.token });
    expect(pending.items).toHaveLength(1);
  });

  it('saves the language on the account, writes invitations in it or in the one chosen, and adopts it at sign-in', async () => {
    const admin = await adminToken(e2e.server);
    const health = await createOrganization(e2e.server, admin, 'Ministerio de Salud', 'central_government');
    const person = await createPerson(e2e.server, admin, health.id, 'rosa@salud.test', 'Rosa Díaz');
    const workspace = await api<{ id: string }>(e2e.server, '/api/workspaces', { token: person.token, body: { kind: 'coordination', title: 'Mesa de trata' } });
    const { page } = await e2e.open();
    await signIn(page, person.email, person.password);

    await page.getByLabel('Language', { exact: true }).selectOption('es');
    const spanishMenu = page.getByRole('button', { name: /^Menú de la cuenta:/ });
    await spanishMenu.waitFor();
    await expectAccountLanguage(person.token, 'es');

    let dialog = await openInviteDialog(page, workspace.id, 'Invitar a alguien', 'Invitar a alguien a este espacio de trabajo');
    await dialog.getByLabel(/^Correo/).fill('nueva@refugio.test');
    await dialog.getByRole('button', { name: 'Crear invitación' }).click();
    await dialog.getByText('Invitación creada y enviada por correo.', { exact: false }).waitFor();
    expect(mailHeader(mailsTo('nueva@refugio.test')[0], 'Subject')).toBe('Invitación al espacio de trabajo «Mesa de trata» en Enlace');

    dialog = await openInviteDialog(page, workspace.id, 'Invitar a alguien', 'Invitar a alguien a este espacio de trabajo');
    await dialog.getByLabel(/^Correo/).fill('nova@ong.test');
    await dialog.getByLabel('Idioma del correo').selectOption('pt');
    await dialog.getByRole('button', { name: 'Crear invitación' }).click();
    await dialog.getByText('Invitación creada y enviada por correo.', { exact: false }).waitFor();
    expect(mailHeader(mailsTo('nova@ong.test')[0], 'Subject')).toBe('Convite para o espaço de trabalho “Mesa de trata” no Enlace');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Signed out, the page is switched to English; signing in brings the account's Spanish back.
    await spanishMenu.click();
    await page.getByRole('menuitem', { name: 'Cerrar sesión', exact: true }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Idioma', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await spanishMenu.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
  });

  async function expectAccountLanguage(token: string, locale: string) {
    for (let tries = 0; tries < 50; tries++) {
      const me = await api<{ user: { locale: string | null } }>(e2e.server, '/api/me', { token });
      if (me.user.locale === locale) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The account's language never became ${locale}`);
  }
});
