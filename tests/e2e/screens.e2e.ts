import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { createCase } from '../factories/case.factory.js';
import { adminToken, api, createOrganization, nextAdminRecoveryCode } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

/**
 * Every page, in English and Spanish, on a desktop and a phone: a screenshot of each for review (kept by CI
 * from test-results/screens/), axe with no serious or critical violation, and on the phone no sideways
 * overflow (the document is exactly as wide as the screen).
 */
const SCREENS_DIR = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
const SIZES = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES = ['en', 'es'] as const;
const PASSWORD = 'a-long-demo-password';
/** A day `offset` days from today (UTC), as the API writes calendar days. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Size = keyof typeof SIZES;
type Language = (typeof LANGUAGES)[number];

describe('every page, in English and Spanish, on a desktop and a phone', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let organizationId: string;
  let workspaceId: string;
  let invitationToken: string;
  let adminAccessToken: string;
  const owner = { email: 'laura@ministerio.test', name: 'Laura Méndez' };

  beforeAll(async () => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    server = e2e.server;
    const admin = await adminToken(server);
    adminAccessToken = admin;
    const ministry = await createOrganization(server, admin, 'Ministerio de Justicia', 'central_government');
    organizationId = ministry.id;
    const person = async (email: string, displayName: string, orgRole: 'org_admin' | 'member') => {
      await api(server, `/api/organizations/${ministry.id}/users`, { token: admin, body: { email, displayName, password: PASSWORD, orgRole } });
      return (await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email, password: PASSWORD } })).accessToken;
    };
    // An organisation administrator who owns a workspace with a colleague, a board with cards, and a pending invitation.
    const token = await person(owner.email, owner.name, 'org_admin');
    const colleague = await person('carlos@ministerio.test', 'Carlos Ruiz', 'member');
    workspaceId = (await api<{ id: string }>(server, '/api/workspaces', { token, body: { kind: 'case', title: 'Caso AR-2026-0101', description: 'Seguimiento interinstitucional' } })).id;
    const joined = await api<{ token: string }>(server, `/api/workspaces/${workspaceId}/invitations`, { token, body: { email: 'carlos@ministerio.test', role: 'coordinator' } });
    await api(server, `/api/invitations/${joined.token}/accept`, { token: colleague, body: {} });
    invitationToken = (await api<{ token: string }>(server, `/api/workspaces/${workspaceId}/invitations`, { token, body: { email: 'worker@refugio.test', role: 'contributor' } })).token;
    const boards = await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${workspaceId}/boards`, { token });
    const board = await api<{ columns: Array<{ id: string }> }>(server, `/api/boards/${boards.items[0].id}`, { token });
    for (const title of ['Request identity documents', 'Book an interpreter', 'Arrange shelter placement']) {
      await api(server, `/api/boards/${boards.items[0].id}/cards`, { token, body: { columnId: board.columns[0].id, title } });
    }
    // Cases for the statistics: Salta 8 is shown; small jurisdictions read "<5".
    for (const jurisdiction of [...Array<string>(8).fill('Salta'), ...Array<string>(6).fill('Tucumán'), ...Array<string>(3).fill('Jujuy')]) {
      await createCase(server, { token }, { jurisdiction });
    }
    // The case's consents and referrals (to an NGO), and in the ministry's inbox a case the NGO referred to it.
    const ngo = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    await api(server, `/api/organizations/${ngo.id}/users`, { token: admin, body: { email: 'ana@refugio.test', displayName: 'Ana Gómez', password: PASSWORD, orgRole: 'member' } });
    const ngoWorker = (await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email: 'ana@refugio.test', password: PASSWORD } })).accessToken;
    const consentTo = (caseId: string, by: string, recipientOrganizationId: string) =>
      api(server, `/api/cases/${caseId}/consents`, {
        token: by,
        body: { recipientOrganizationId, purpose: 'shelter', givenBy: 'person', givenOn: day(-1), validUntil: day(60), sharedFields: ['ageOrBirthYear', 'nationality'] },
      });
    await consentTo(workspaceId, token, ngo.id);
    await api(server, `/api/cases/${workspaceId}/referrals`, { token, body: { toOrganizationId: ngo.id, service: 'shelter', urgency: 'urgent' } });
    const referred = await api<{ id: string }>(server, '/api/cases', { token: ngoWorker, body: { title: 'Caso Refugio', exploitationTypes: ['labour'], jurisdiction: 'Rosario' } });
    await consentTo(referred.id, ngoWorker, ministry.id);
    await api(server, `/api/cases/${referred.id}/referrals`, { token: ngoWorker, body: { toOrganizationId: ministry.id, service: 'shelter', urgency: 'emergency' } });
  });

  /** What went wrong on every page, gathered so that one run reports them all. */
  let problems: string[];
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  /**
   * The account's saved language is the one the app adopts at sign-in (and an account without one takes the
   * page's), so each run's accounts are given the run's language first.
   */
  async function setAccountLanguage(token: string, language: Language): Promise<void> {
    await api(server, '/api/me', { method: 'PATCH', token, body: { locale: language } });
  }

  async function openPage(language: Language, size: Size): Promise<Page> {
    const { page } = await e2e.open();
    await page.setViewportSize(SIZES[size]);
    // The language is the visitor's stored choice, as the language menu leaves it.
    await page.context().addInitScript((chosen) => localStorage.setItem('enlace.language', chosen), language);
    return page;
  }

  /** Waits for the page's content (its h1 and no loading line), then screenshots and checks it. */
  async function check(page: Page, name: string, language: Language, size: Size) {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.locator('.page-status').first().waitFor({ state: 'detached' });
    // A page script as a string: the tests are typed without the DOM library.
    await page.evaluate('document.fonts.ready.then(() => true)');
    const label = `${name} (${language}, ${size})`;
    await page.screenshot({ path: join(SCREENS_DIR, `${name}-${language}-${size}.png`) });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = violations.filter((found) => found.impact === 'serious' || found.impact === 'critical');
    for (const violation of serious) {
      problems.push(`${label}: axe ${violation.id} (${violation.impact}) on ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
    if (size === 'phone') {
      const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, window.innerWidth]');
      if (scrollWidth > innerWidth) problems.push(`${label}: the document is ${scrollWidth}px wide on a ${innerWidth}px screen, past its edge: ${await overflowing(page)}`);
    }
  }

  /** The outermost elements reaching past the screen's right edge, to say what to fix. */
  function overflowing(page: Page): Promise<string> {
    return page.evaluate(`(() => {
      const past = (element) => element.getBoundingClientRect().right > window.innerWidth + 1;
      return [...document.querySelectorAll('body *')]
        .filter((element) => past(element) && !past(element.parentElement))
        .slice(0, 5)
        .map((element) => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : ''))
        .join(', ');
    })()`);
  }

  /** Signs in through the form whatever the interface language (fields by name, not by label). */
  async function signInForm(page: Page, email: string, password: string) {
    await page.goto('/login');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('form button[type="submit"]').click();
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    describe.each(Object.keys(SIZES) as Size[])('on a %s', (size) => {
      it('shows the signed-out pages: sign-in, password reset, an invitation, not found', async () => {
        const page = await openPage(language, size);
        for (const [name, path] of [
          ['login', '/login'],
          ['forgot-password', '/forgot-password'],
          ['reset-password', '/reset-password/not-a-real-token'],
          ['invitation', `/invitations/${invitationToken}`],
          ['not-found-signed-out', '/no-such-page'],
        ] as const) {
          await page.goto(path);
          await check(page, name, language, size);
        }
      });

      it('shows the platform administrator the second sign-in step and the organisation picker on People', async () => {
        await setAccountLanguage(adminAccessToken, language);
        const page = await openPage(language, size);
        await signInForm(page, server.admin.email, server.admin.password);
        await page.locator('input[name="code"]').waitFor();
        await check(page, 'second-factor', language, size);
        await page.locator('input[name="code"]').fill(nextAdminRecoveryCode(server));
        await page.locator('form button[type="submit"]').first().click();
        await page.waitForURL((url) => url.pathname === '/');
        await page.goto(`/people?organization=${organizationId}`);
        await page.getByRole('table').or(page.getByRole('list')).first().waitFor();
        await check(page, 'people-platform-admin', language, size);
      });

      it('shows a signed-in person every page of the app shell, the workspace with its board, and the phone menu', async () => {
        const { accessToken } = await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email: owner.email, password: PASSWORD } });
        await setAccountLanguage(accessToken, language);
        const page = await openPage(language, size);
        await signInForm(page, owner.email, PASSWORD);
        await page.waitForURL((url) => url.pathname === '/');
        for (const [name, path] of [
          ['home', '/'],
          ['workspaces', '/workspaces'],
          ['workspace-board', `/workspaces/${workspaceId}?tab=board`],
          ['workspace-members', `/workspaces/${workspaceId}?tab=members`],
          ['workspace-invitations', `/workspaces/${workspaceId}?tab=invitations`],
          ['cases', '/cases'],
          ['case-record', `/workspaces/${workspaceId}`],
          ['case-referrals', `/workspaces/${workspaceId}?tab=referrals`],
          ['referral-inbox', '/referrals'],
          ['case-procedure', '/case-procedure'],
          ['people', '/people'],
          ['case-statistics', '/case-statistics?by=jurisdiction'],
          ['account', '/account'],
          ['not-found', '/no-such-page'],
        ] as const) {
          await page.goto(path);
          if (name === 'workspace-board') await page.getByText('Book an interpreter').first().waitFor();
          if (name === 'case-statistics') await page.locator('.recharts-surface').first().waitFor();
          if (name === 'referral-inbox' || name === 'case-referrals') await page.getByText('Fundación Refugio').first().waitFor();
          if (name === 'case-procedure') await page.locator('form input').first().waitFor();
          await check(page, name, language, size);
        }
        if (size === 'desktop') {
          // The dark theme, as a system set to dark gets it.
          await page.emulateMedia({ colorScheme: 'dark' });
          for (const [name, path] of [
            ['home-dark', '/'],
            ['workspace-board-dark', `/workspaces/${workspaceId}?tab=board`],
            ['case-record-dark', `/workspaces/${workspaceId}`],
            ['people-dark', '/people'],
            ['case-statistics-dark', '/case-statistics?by=jurisdiction'],
          ] as const) {
            await page.goto(path);
            if (name === 'workspace-board-dark') await page.getByText('Book an interpreter').first().waitFor();
            if (name === 'case-statistics-dark') await page.locator('.recharts-surface').first().waitFor();
            await check(page, name, language, size);
          }
        }
        if (size === 'phone') {
          const header = await page.locator('header').first().boundingBox();
          if (!header || header.height > 56) problems.push(`phone header (${language}): ${header?.height}px tall, more than 56px`);
          await page.locator('header button[aria-expanded="false"]').first().click();
          await page.locator('nav a[href="/account"]').waitFor();
          // The menu slides in: screenshot it once it is in place.
          for (let tries = 0; ((await page.locator('nav').first().boundingBox())?.x ?? -1) < 0 && tries < 40; tries += 1) await page.waitForTimeout(50);
          await check(page, 'phone-menu-open', language, size);
        }
        // Every page screenshotted and checked by axe: more than the default minute on a busy machine.
      }, 240_000);
    });
  });
});
