import type { Page } from 'playwright-core';
import { adminToken, api, createOrganization, createPerson, signIn, signInAdmin } from './support/app.js';
import { pathOf } from './support/browser.js';
import { browserHarness } from './support/harness.js';

describe('organisations for invited outsiders', () => {
  const e2e = browserHarness();

  /** Follows an invitation link without an account and creates it there. */
  async function acceptAsNewcomer(page: Page, token: string, name: string) {
    await page.goto(`/invitations/${token}`);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Password (at least 12 characters)').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create account and accept' }).click();
  }

  it('lets a platform admin verify a domain, asks a newcomer from elsewhere to name their organisation, and lets its admin confirm them', async () => {
    const server = e2e.server;
    const admin = await adminToken(server);
    const ministry = await createOrganization(server, admin, 'Ministerio de Justicia', 'central_government');
    const ngo = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    const owner = await createPerson(server, admin, ministry.id, 'owner@ministerio.test', 'Laura Méndez');
    await api(server, `/api/organizations/${ngo.id}/users`, {
      token: admin,
      body: { email: 'ana@refugio.org', displayName: 'Ana Directora', password: 'a-long-demo-password', orgRole: 'org_admin' },
    });
    const workspace = await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'case', title: 'Caso AR-2026-0042' } });
    const inviteNewcomer = async (email: string) =>
      (await api<{ token: string }>(server, `/api/workspaces/${workspace.id}/invitations`, { token: owner.token, body: { email, role: 'contributor' } })).token;

    // The platform admin gives the NGO its verified domain on the People page.
    const adminPage = (await e2e.open()).page;
    await signInAdmin(adminPage, server);
    await adminPage.goto(`/people?organization=${ngo.id}`);
    const domains = adminPage.getByRole('region', { name: 'Verified e-mail domains' });
    await domains.getByLabel('Domains').fill('refugio.test');
    await domains.getByLabel('Domains').press('Enter');
    await domains.getByRole('button', { name: 'Save domains' }).click();
    await adminPage.getByText('The verified domains were saved.').waitFor();

    // Someone at that domain joins the NGO by themselves, asked nothing.
    const luis = (await e2e.open()).page;
    await acceptAsNewcomer(luis, await inviteNewcomer('luis@refugio.test'), 'Luis Pérez');
    await luis.waitForURL(`**/workspaces/${workspace.id}`);

    // Someone with a personal address names their organisation from the directory.
    const maria = (await e2e.open()).page;
    await acceptAsNewcomer(maria, await inviteNewcomer('maria@gmail.test'), 'María Torres');
    await maria.getByRole('heading', { name: 'Which organisation do you belong to?' }).waitFor();
    await maria.getByRole('button', { name: 'Continue' }).click();
    await maria.getByText('Choose your organisation, or say that it is not listed.').waitFor();
    await maria.getByRole('combobox', { name: 'Your organisation' }).click();
    await maria.getByRole('option', { name: /Fundación Refugio/ }).click();
    await maria.getByRole('button', { name: 'Continue' }).click();
    await maria.waitForURL(`**/workspaces/${workspace.id}`);

    // The owner sees Luis in the NGO and María "unconfirmed" next to it.
    const ownerPage = (await e2e.open()).page;
    await signIn(ownerPage, owner.email, owner.password);
    await ownerPage.goto(`/workspaces/${workspace.id}?tab=members`);
    const luisRow = ownerPage.getByRole('row', { name: /Luis Pérez/ });
    const mariaRow = ownerPage.getByRole('row', { name: /María Torres/ });
    expect(await luisRow.getByRole('cell').nth(2).innerText()).toBe('Fundación Refugio');
    expect((await mariaRow.getByRole('cell').nth(2).innerText()).replace(/\s+/g, ' ')).toMatch(/^Fundación Refugio unconfirmed$/i);

    // The NGO's admin confirms her on their People page.
    const ngoPage = (await e2e.open()).page;
    await signIn(ngoPage, 'ana@refugio.org', 'a-long-demo-password');
    await ngoPage.goto('/people');
    const requests = ngoPage.getByRole('region', { name: 'Requests to join Fundación Refugio' });
    expect(await requests.innerText()).toContain('maria@gmail.test');
    expect(await requests.innerText()).not.toContain('luis@refugio.test');
    await requests.getByRole('button', { name: 'Approve María Torres as a member of the organisation' }).click();
    await ngoPage.getByText('María Torres is now a member of Fundación Refugio.').waitFor();
    await requests.getByText('No pending requests.').waitFor();
    await ngoPage.getByRole('row', { name: /María Torres/ }).waitFor();

    await ownerPage.reload();
    await mariaRow.waitFor();
    expect(await mariaRow.getByRole('cell').nth(2).innerText()).toBe('Fundación Refugio');
    expect(pathOf(ownerPage)).toBe(`/workspaces/${workspace.id}`);
  });
});
