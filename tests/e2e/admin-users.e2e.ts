import type { Page } from 'playwright-core';
import { adminToken as signInAdminApi, api, signIn, signInAdmin } from './support/app.js';
import { pathOf } from './support/browser.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

interface Person {
  email: string;
  password: string;
  name: string;
  token: string;
}

describe('administering an organisation’s people', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let adminToken: string;
  let organization: { id: string; name: string };
  let orgAdmin: Person;

  const person = async (name: string, email: string, orgRole: 'org_admin' | 'member'): Promise<Person> => {
    const password = 'a-long-demo-password';
    await api(server, `/api/organizations/${organization.id}/users`, { token: adminToken, body: { email, displayName: name, password, orgRole } });
    const { accessToken } = await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email, password } });
    return { email, password, name, token: accessToken };
  };

  beforeAll(async () => {
    server = e2e.server;
    adminToken = await signInAdminApi(server);
    organization = await api(server, '/api/organizations', {
      token: adminToken,
      body: { name: 'Fundación Refugio', kind: 'civil_society', country: 'AR' },
    });
    orgAdmin = await person('Ana Directora', 'ana@refugio.test', 'org_admin');
  });

  async function newPage(): Promise<Page> {
    const session = await e2e.open();
    return session.page;
  }

  async function openPeople(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  }

  it('signs out a user disabled by their org admin while their board is open, and lets them back once enabled', async () => {
    const worker = await person('Lucía Gómez', 'lucia@refugio.test', 'member');
    const workspace = await api<{ id: string }>(server, '/api/workspaces', { token: worker.token, body: { kind: 'case', title: 'Caso AR-2026-0042' } });

    const workerPage = await newPage();
    await signIn(workerPage, worker.email, worker.password);
    await workerPage.goto(`/workspaces/${workspace.id}?tab=board`);
    await workerPage.getByRole('region', { name: 'To do' }).waitFor();

    const adminPage = await newPage();
    await signIn(adminPage, orgAdmin.email, orgAdmin.password);
    await openPeople(adminPage);
    await adminPage.getByRole('heading', { name: 'Accounts in Fundación Refugio' }).waitFor();
    const row = adminPage.getByRole('row', { name: /Lucía Gómez/ });
    await row.getByText('Active', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Disable the account of Lucía Gómez' }).click();
    const confirm = adminPage.getByRole('dialog', { name: 'Disable the account of Lucía Gómez?' });
    expect(await confirm.innerText()).toContain('signed out everywhere at once');
    await confirm.getByRole('button', { name: 'Disable account' }).click();

    await row.getByText('Disabled', { exact: true }).waitFor();
    await adminPage.getByRole('status').filter({ hasText: 'The account of Lucía Gómez is disabled.' }).waitFor();
    expect(await confirm.isVisible()).toBe(false);

    // The worker did nothing: their board's live connection was closed, and that ended the session.
    await workerPage.waitForURL('**/login', { timeout: 10_000 });
    await workerPage.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await workerPage.getByLabel('E-mail', { exact: true }).fill(worker.email);
    await workerPage.getByLabel('Password', { exact: true }).fill(worker.password);
    await workerPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await workerPage.getByRole('alert').filter({ hasText: 'The e-mail or password is incorrect.' }).waitFor();
    expect(pathOf(workerPage)).toBe('/login');

    await row.getByRole('button', { name: 'Enable the account of Lucía Gómez' }).click();
    const enable = adminPage.getByRole('dialog', { name: 'Enable the account of Lucía Gómez?' });
    await enable.getByRole('button', { name: 'Enable account' }).click();
    await row.getByText('Active', { exact: true }).waitFor();

    await signIn(workerPage, worker.email, worker.password);
    await workerPage.goto(`/workspaces/${workspace.id}?tab=board`);
    await workerPage.getByRole('region', { name: 'To do' }).waitFor();
  });

  it('offers the page only to administrators: a member sees no entry, and the address shows nothing', async () => {
    const member = await person('Marta Ruiz', 'marta@refugio.test', 'member');
    const page = await newPage();
    await signIn(page, member.email, member.password);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).count()).toBe(0);

    await page.goto('/people');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('lets a platform admin choose the organisation and create an account that can sign in', async () => {
    const page = await newPage();
    await signInAdmin(page, server);
    await openPeople(page);
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Fundación Refugio (AR)' });
    await page.getByRole('row', { name: /Ana Directora/ }).waitFor();

    const form = page.getByRole('region', { name: 'Create an account' });
    await form.getByLabel('Name', { exact: true }).fill('Pedro Alves');
    await form.getByLabel('E-mail', { exact: true }).fill('pedro@refugio.test');
    await form.getByLabel('Initial password (at least 12 characters)').fill('too short');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByRole('alert').filter({ hasText: 'The password must have at least 12 characters' }).waitFor();

    await form.getByLabel('Initial password (at least 12 characters)').fill('a-long-enough-password');
    await form.getByLabel('Role in the organisation').selectOption({ label: 'Organisation administrator' });
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByRole('status').filter({ hasText: 'Account created for Pedro Alves (pedro@refugio.test).' }).waitFor();
    await page.getByRole('row', { name: /Pedro Alves/ }).getByText('Organisation administrator').waitFor();

    // The same address again: refused with the translated code, nothing created.
    await form.getByLabel('Name', { exact: true }).fill('Pedro Alves');
    await form.getByLabel('E-mail', { exact: true }).fill('pedro@refugio.test');
    await form.getByLabel('Initial password (at least 12 characters)').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByRole('alert').filter({ hasText: 'An account with this e-mail address already exists.' }).waitFor();
    expect(await page.getByRole('row', { name: /Pedro Alves/ }).count()).toBe(1);

    const newcomer = await newPage();
    await signIn(newcomer, 'pedro@refugio.test', 'a-long-enough-password');
    await openPeople(newcomer);
    await newcomer.getByRole('heading', { name: 'Accounts in Fundación Refugio' }).waitFor();
  });
});
