import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { createCase } from '../factories/case.factory.js';
import { adminToken, createOrganization, createPerson, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

/**
 * The national case statistics in the browser. 17 cases: Salta 8, Tucumán 6, Jujuy 3. Jujuy is below 5, and
 * Tucumán is suppressed with it, or 17 − 8 − 6 would give Jujuy's 3 back.
 */
const JURISDICTIONS = [...Array<string>(8).fill('Salta'), ...Array<string>(6).fill('Tucumán'), ...Array<string>(3).fill('Jujuy')];

describe('case statistics: suppressed cells on screen and in the CSV, for government and civil-society members only', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  /** An NGO worker: civil society reads the statistics. */
  let ngoWorker: Person;
  /** A member of an international organisation: not a reader. */
  let international: Person;

  beforeAll(async () => {
    server = e2e.server;
    const admin = await adminToken(server);
    const municipality = await createOrganization(server, admin, 'Municipalidad de Rosario', 'local_government');
    const ngo = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    const agency = await createOrganization(server, admin, 'Agencia Internacional', 'international');
    const official = await createPerson(server, admin, municipality.id, 'funcionaria@rosario.test', 'Marta Sosa');
    ngoWorker = await createPerson(server, admin, ngo.id, 'trabajadora@refugio.test', 'Ana Gómez');
    international = await createPerson(server, admin, agency.id, 'oficial@agencia.test', 'Jean Dupont');
    for (const jurisdiction of JURISDICTIONS) await createCase(server, official, { jurisdiction });
  });

  async function newPage(): Promise<Page> {
    return (await e2e.open()).page;
  }

  /** The table's rows as [label, count], the header row left out. */
  async function tableRows(page: Page): Promise<string[][]> {
    const table = page.getByRole('table', { name: 'Cases by jurisdiction' });
    const rows = await table.locator('tbody tr, tfoot tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim())));
  }

  it('shows a civil-society member the breakdown with "<5" for the suppressed cells, and the CSV has the same figures', async () => {
    const page = await newPage();
    await signIn(page, ngoWorker.email, ngoWorker.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case statistics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case statistics' }).waitFor();
    await page.getByLabel('Break down by').selectOption({ label: 'Jurisdiction' });
    await page.getByRole('table', { name: 'Cases by jurisdiction' }).waitFor();

    const rows = await tableRows(page);
    expect(rows).toEqual([
      ['Jujuy', '<5'],
      ['Salta', '8'],
      ['Tucumán', '<5'],
      ['All cases', '17'],
    ]);
    await page.getByText(/^“<5” means fewer than 5 cases/).waitFor();
    // The chart draws no bar for a suppressed cell: its note says so, and its picture is named after the table.
    await page.getByText('A hatched mark with “<5” stands for a suppressed figure: no bar is drawn for it.').waitFor();
    await page.getByRole('img', { name: 'Cases by jurisdiction, as a bar chart: the table beside it has the same figures.' }).waitFor();
    expect(new URL(page.url()).searchParams.get('by')).toBe('jurisdiction');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('cases-by-jurisdiction.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n')
      .map((line) => line.split(',').map((field) => field.replace(/^"|"$/g, '')));
    expect(csv).toEqual([['jurisdiction', 'cases'], ...rows.slice(0, -1), ['total', '17']]);

    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((found) => found.impact === 'serious' || found.impact === 'critical').map((found) => found.id)).toEqual([]);
  });

  it('offers a member of an international organisation no entry, and the address shows nothing (the server refuses the data too)', async () => {
    const page = await newPage();
    await signIn(page, international.email, international.password);
    await page.goto('/case-statistics');
    // The page waits for the account's organisation before deciding, so the menu has it too by now.
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case statistics' }).count()).toBe(0);

    const refused = await fetch(`${server.url}/api/case-statistics?by=stage`, { headers: { authorization: `Bearer ${international.token}` } });
    expect(refused.status).toBe(403);
  });
});
