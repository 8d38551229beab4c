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
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}
