import request from 'supertest';
import type { Page } from 'playwright-core';
import { STAGE_TASKS, type BoardDto, type StageTemplateDto } from '@enlace/shared';
import { createCase, walkCase } from '../factories/case.factory.js';
import { adminToken, api, createOrganization, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

const PASSWORD = 'a-long-demo-password';
const ADAPTED = ['Entrevista inicial con la trabajadora social', 'Evaluar los riesgos con la psicóloga', 'Revisar el plan a los 15 días'];

/**
 * Issue 15, point 4, in Chromium: an NGO's admin adapts the assessment stage's tasks in Spanish on the Case
 * procedure page; a case of the NGO moved to assessment in Spanish gets exactly those cards; a save made on a
 * stale list restarts the form from the server's; the defaults come back; a plain member has no such page.
 */
describe('case procedure: an organisation admin adapts the tasks of a stage', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let organizationId: string;
  let orgAdmin: Person;
  let owner: Person;
  let member: Person;

  beforeAll(async () => {
    server = e2e.server;
    const admin = await adminToken(server);
    const ngo = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    organizationId = ngo.id;
    const person = async (email: string, displayName: string, orgRole: 'org_admin' | 'member'): Promise<Person> => {
      const user = await api<{ id: string }>(server, `/api/organizations/${ngo.id}/users`, { token: admin, body: { email, displayName, password: PASSWORD, orgRole } });
      const { accessToken } = await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email, password: PASSWORD } });
      return { email, password: PASSWORD, displayName, userId: user.id, token: accessToken };
    };
    orgAdmin = await person('admin@refugio.test', 'Pablo Sosa', 'org_admin');
    owner = await person('ana@refugio.test', 'Ana Gómez', 'member');
    member = await person('lucia@refugio.test', 'Lucía Benítez', 'member');
    await api(server, '/api/me', { method: 'PATCH', token: owner.token, body: { locale: 'es' } });
  });

  const templatePath = () => `/api/organizations/${organizationId}/stage-templates/assessment/es`;
  const template = async () => api<StageTemplateDto>(server, templatePath(), { token: orgAdmin.token });
  const taskValues = (page: Page) => page.getByRole('textbox', { name: /^Task \d+$/ }).evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));

  async function signedIn(who: Person): Promise<Page> {
    const { page } = await e2e.open();
    await signIn(page, who.email, who.password);
    return page;
  }

  it('adapts the Spanish assessment tasks, which a case entering assessment gets as its cards; a stale save restarts the form; the defaults come back', async () => {
    const page = await signedIn(orgAdmin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case procedure' }).click();
    await page.getByRole('heading', { name: 'Case procedure', level: 1 }).waitFor();
    await page.getByLabel('Stage').selectOption('assessment');
    await page.getByLabel('Language of the tasks').selectOption('es');
    await page.getByRole('heading', { name: 'Assessment · Español' }).waitFor();
    await page.getByText('Standard tasks', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Task 2' }).waitFor();
    expect(await taskValues(page)).toEqual([...STAGE_TASKS.es.assessment]);

    // Rename the first, add one and move it to the top, remove the old second, add a last one.
    await page.getByRole('textbox', { name: 'Task 1' }).fill(ADAPTED[1]);
    await page.getByRole('button', { name: 'Add a task' }).click();
    await page.getByRole('textbox', { name: 'Task 3' }).fill(ADAPTED[0]);
    await page.getByRole('button', { name: 'Move task 3 up' }).click();
    await page.getByRole('button', { name: 'Move task 2 up' }).click();
    await page.getByRole('button', { name: 'Remove task 3' }).click();
    await page.getByRole('button', { name: 'Add a task' }).click();
    // An empty task is not sent: it is named at its field.
    await page.getByRole('button', { name: 'Save tasks' }).click();
    await page.getByText('Write the task or remove it.').waitFor();
    expect((await template()).adapted).toBe(false);
    await page.getByRole('textbox', { name: 'Task 3' }).fill(ADAPTED[2]);
    await page.getByRole('button', { name: 'Save tasks' }).click();
    await page.getByText('Adapted', { exact: true }).waitFor();
    expect(await taskValues(page)).toEqual(ADAPTED);
    expect(await template()).toMatchObject({ tasks: ADAPTED, adapted: true, version: 1 });

    // A case the NGO leads, moved to assessment by its Spanish-speaking owner, gets exactly those cards after the identification ones.
    const created = await createCase(server, owner, { title: 'Caso taller textil' }, 'es');
    await walkCase(server, owner, created, ['assessment'], 'es');
    const boards = await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${created.id}/boards`, { token: owner.token });
    const board = await api<BoardDto>(server, `/api/boards/${boards.items[0].id}`, { token: owner.token });
    expect(board.cards.map((card) => card.title)).toEqual([...STAGE_TASKS.es.identified, ...ADAPTED]);

    // Someone else saves first (another tab, another admin): this form's save is refused and it restarts from theirs.
    const theirs = ['Evaluar los riesgos', 'Plan de seguridad'];
    await request(server.url).put(templatePath()).auth(orgAdmin.token, { type: 'bearer' }).send({ version: 1, tasks: theirs }).expect(200);
    await page.getByRole('textbox', { name: 'Task 1' }).fill('Mi cambio');
    await page.getByRole('button', { name: 'Save tasks' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed these tasks in the meantime.' }).waitFor();
    expect(await taskValues(page)).toEqual(theirs);
    expect((await template()).tasks).toEqual(theirs);

    await page.getByRole('button', { name: 'Restore the defaults' }).click();
    await page.getByText('Standard tasks', { exact: true }).waitFor();
    expect(await taskValues(page)).toEqual([...STAGE_TASKS.es.assessment]);
    // Restoring is a version of its own (the third: the first save, theirs, the restore), so an older one gets a conflict.
    expect(await template()).toMatchObject({ tasks: [...STAGE_TASKS.es.assessment], adapted: false, version: 3 });
  });

  it('has no Case procedure for a plain member: not in the sidebar, not at its address', async () => {
    const page = await signedIn(member);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cases' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Case procedure' }).count()).toBe(0);
    await page.goto('/case-procedure');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByLabel('Stage').count()).toBe(0);
  });
});
