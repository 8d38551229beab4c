import type { Page } from 'playwright-core';
import { accountMenu, adminToken, nextAdminRecoveryCode, submitSecondFactor } from './support/app.js';
import { pathOf, type BrowserSession } from './support/browser.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

/** The first platform admin's display name, set by the server when it creates that account. */
const ADMIN_NAME = 'Platform administrator';

describe('signing in through the login page', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = e2e.server;
    await adminToken(server); // platform admins must use a second factor: enrol it, so sign-in has its second step
  });
  beforeEach(async () => {
    session = await e2e.open();
    page = session.page;
  });

  async function submitLogin(email: string, password: string) {
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('sends a signed-out visitor to the login page, then home with their name and an account menu to sign out from', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');

    await submitLogin(server.admin.email, server.admin.password);
    await submitSecondFactor(page, nextAdminRecoveryCode(server));

    await accountMenu(page).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).waitFor();
    await page.getByText(ADMIN_NAME, { exact: true }).first().waitFor();
    expect(pathOf(page)).toBe('/');
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the session across a reload', async () => {
    await page.goto('/login');
    await submitLogin(server.admin.email, server.admin.password);
    await submitSecondFactor(page, nextAdminRecoveryCode(server));
    await accountMenu(page).waitFor();

    await page.reload();

    await accountMenu(page).waitFor();
    await page.getByText(ADMIN_NAME, { exact: true }).first().waitFor();
    expect(pathOf(page)).toBe('/');
  });

  it('refuses a wrong password with an alert and stays on the login page', async () => {
    await page.goto('/login');

    await submitLogin(server.admin.email, 'not-the-admin-password');

    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect((await alert.innerText()).trim()).not.toBe('');
    expect(pathOf(page)).toBe('/login');
    expect(await accountMenu(page).count()).toBe(0);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('not-the-admin-password');
  });

  it('shows the login page in the language chosen in the header, and remembers it after a reload', async () => {
    await page.goto('/login');

    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Español' });

    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
  });

  it('loads the texts of the language in use only, and another language’s when it is chosen', async () => {
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    const translations = (language: string) => scripts.filter((path) => new RegExp(`^/assets/${language}-[^/]+\\.js$`).test(path));
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(translations('en').length).toBeGreaterThan(0);
    for (const other of ['es', 'fr', 'pt']) expect(translations(other)).toEqual([]);

    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
    await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
    expect(translations('fr').length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    for (const other of ['es', 'pt']) expect(translations(other)).toEqual([]);
    // Back to English for the tests after this one (the choice is remembered on this device).
    await page.getByLabel('Langue', { exact: true }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  });
});
