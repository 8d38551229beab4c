import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import type { E2eServer } from './server.js';

/** Sets up people, workspaces and cards through the public API, as an administrator or another client would. */
export async function api<T>(server: E2eServer, path: string, options: { token?: string; body?: unknown; method?: 'GET' | 'POST' | 'PATCH' } = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(options.token && { authorization: `Bearer ${options.token}` }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs in through the login page and waits until the app shows the signed-in header. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await accountMenu(page).waitFor();
}

/** The signed-in person's menu in the top bar (its name goes on with theirs: "Account menu: Ana Torres"). */
export function accountMenu(page: Page) {
  return page.getByRole('button', { name: /^Account menu:/ });
}

/** Signs out through the account menu. */
export async function signOut(page: Page) {
  await accountMenu(page).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
}

/** Someone with an account, signed in through the API (their token sets things up as they would). */
export interface Person {
  email: string;
  password: string;
  displayName: string;
  userId: string;
  token: string;
}

const PASSWORD = 'a-long-demo-password';

/** The platform admin's unused recovery codes, per server: its later sign-ins use them. */
const adminRecoveryCodes = new Map<string, string[]>();

export function nextAdminRecoveryCode(server: E2eServer): string {
  const code = adminRecoveryCodes.get(server.url)?.pop();
  if (!code) throw new Error('The platform admin has no recovery code left (or never enrolled through adminToken)');
  return code;
}

/**
 * The platform administrator's token: organisations and accounts are made with it. Platform admins must use a
 * second factor, so the first call enrols one; later calls answer its second step with a recovery code (an
 * authenticator code is accepted once, and tests sign in more often than every 30 seconds).
 */
export async function adminToken(server: E2eServer): Promise<string> {
  const login = await api<{ accessToken: string; mustEnrolTwoFactor: boolean } | { mfaRequired: true; challenge: string }>(server, '/api/auth/login', { body: server.admin });
  if ('mfaRequired' in login) {
    return (await api<{ accessToken: string }>(server, '/api/auth/login/mfa', { body: { challenge: login.challenge, code: nextAdminRecoveryCode(server) } })).accessToken;
  }
  if (login.mustEnrolTwoFactor) {
    const { secret } = await api<{ secret: string }>(server, '/api/me/two-factor', { token: login.accessToken, method: 'POST', body: {} });
    const { recoveryCodes } = await api<{ recoveryCodes: string[] }>(server, '/api/me/two-factor/confirm', { token: login.accessToken, body: { code: await generate({ secret }) } });
    adminRecoveryCodes.set(server.url, recoveryCodes);
  }
  return login.accessToken;
}

/** Answers the login page's second step (after e-mail and password) with `code`. */
export async function submitSecondFactor(page: Page, code: string) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** Signs the platform admin in through the login page, its second step with a recovery code. */
export async function signInAdmin(page: Page, server: E2eServer) {
  await adminToken(server); // enrols the second factor if this server's admin has none yet
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(server.admin.email);
  await page.getByLabel('Password', { exact: true }).fill(server.admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await submitSecondFactor(page, nextAdminRecoveryCode(server));
  await accountMenu(page).waitFor();
}

export function createOrganization(server: E2eServer, token: string, name: string, kind: string): Promise<{ id: string; name: string }> {
  return api(server, '/api/organizations', { token, body: { name, kind, country: 'AR' } });
}

/** An account in the organisation, made by `token`'s holder (an administrator), then signed in. */
export async function createPerson(server: E2eServer, token: string, organizationId: string, email: string, displayName: string): Promise<Person> {
  const user = await api<{ id: string }>(server, `/api/organizations/${organizationId}/users`, {
    token,
    body: { email, displayName, password: PASSWORD, orgRole: 'member' },
  });
  const { accessToken } = await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email, password: PASSWORD } });
  return { email, password: PASSWORD, displayName, userId: user.id, token: accessToken };
}

/** The two people most board tests need: an owner and a coordinator of the same ministry. */
export async function ministryColleagues(server: E2eServer): Promise<{ owner: Person; coordinator: Person }> {
  const admin = await adminToken(server);
  const ministry = await createOrganization(server, admin, 'Ministerio de Justicia', 'central_government');
  return {
    owner: await createPerson(server, admin, ministry.id, 'owner@ministerio.test', 'Laura Méndez'),
    coordinator: await createPerson(server, admin, ministry.id, 'coordinator@ministerio.test', 'Carlos Ruiz'),
  };
}
