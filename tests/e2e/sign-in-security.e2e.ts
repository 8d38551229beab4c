import { generate } from 'otplib';
import { resetTokenFor } from '../support/outbox.js';
import { adminToken, createOrganization, createPerson, signIn, signOut, submitSecondFactor, type Person } from './support/app.js';
import { pathOf } from './support/browser.js';
import { browserHarness } from './support/harness.js';

describe('sign-in security in the browser', () => {
  const e2e = browserHarness();
  let organizationId: string;
  let admin: string;

  beforeAll(async () => {
    admin = await adminToken(e2e.server);
    organizationId = (await createOrganization(e2e.server, admin, 'Fundación Refugio', 'civil_society')).id;
  });

  const person = (email: string, name: string): Promise<Person> => createPerson(e2e.server, admin, organizationId, email, name);

  it('lets a person turn on two-factor sign-in on their account page, then sign in with a code from it', async () => {
    const ana = await person('ana@refugio.test', 'Ana Pereyra');
    const { page } = await e2e.open();
    await signIn(page, ana.email, ana.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();

    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await section.getByTestId('totp-secret').innerText()).trim();
    // What an authenticator app given this key would show now.
    await section.getByLabel('Code from the app').fill(await generate({ secret }));
    await section.getByRole('button', { name: 'Turn on' }).click();
    const recoveryCodes = section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await recoveryCodes.first().waitFor();
    expect(await recoveryCodes.count()).toBe(10);

    await signOut(page);
    await page.waitForURL('**/login');
    await page.getByLabel('E-mail', { exact: true }).fill(ana.email);
    await page.getByLabel('Password', { exact: true }).fill(ana.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The code that turned it on was used up: the app's next code (it shows one every 30 seconds).
    await submitSecondFactor(page, await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    // Back where they signed out, now with the second factor on.
    await page.getByRole('region', { name: 'Two-factor sign-in' }).getByText('Two-factor sign-in is on').waitFor();
    expect(pathOf(page)).toBe('/account');
  });

  it('lets someone who forgot their password choose a new one from the link in the e-mail', async () => {
    const bruno = await person('bruno@refugio.test', 'Bruno Costa');
    const { page } = await e2e.open();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill(bruno.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'a link to choose a new password is on its way' }).waitFor();

    const token = await resetTokenFor(e2e.server.dataDir, bruno.email);
    await page.goto(`/reset-password/${token}`);
    await page.getByLabel('New password', { exact: true }).fill('qwerty123456');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'one of the most commonly used' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a-fresh-long-passphrase');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();

    await signIn(page, bruno.email, 'a-fresh-long-passphrase');
  });
});
