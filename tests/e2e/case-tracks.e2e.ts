import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { addMember } from '../factories/workspace.factory.js';
import { adminToken, api, createOrganization, createPerson, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';

/**
 * A case's two tracks in Chromium: the NGO owner records a service on the Assistance tab and a complaint on the
 * Justice tab; a police observer (a law-enforcement organisation) sees the case and its Justice tab but no
 * Assistance tab, until the owner grants it; the Assistance tab passes axe.
 */
describe('case tracks in the browser', () => {
  const e2e = browserHarness();
  let owner: Person;
  let police: Person;
  let caseId: string;

  beforeAll(async () => {
    const server = e2e.server;
    const admin = await adminToken(server);
    const ngo = await createOrganization(server, admin, 'Refugio Pistas', 'civil_society');
    const policeForce = await createOrganization(server, admin, 'Policía Pistas', 'central_government');
    await api(server, `/api/organizations/${policeForce.id}`, { token: admin, method: 'PATCH', body: { lawEnforcement: true } });
    owner = await createPerson(server, admin, ngo.id, 'owner@pistas.test', 'Inés Rojas');
    police = await createPerson(server, admin, policeForce.id, 'officer@pistas.test', 'Raúl Díaz');
    caseId = (await api<{ id: string }>(server, '/api/cases', { token: owner.token, body: { title: 'Caso pistas', exploitationTypes: ['labour'] } })).id;
    await addMember({ url: server.url }, { token: owner.token }, caseId, { token: police.token, user: { email: police.email } }, 'observer');
  });

  async function openCase(who: Person): Promise<Page> {
    const { page } = await e2e.open();
    await signIn(page, who.email, who.password);
    await page.goto(`/workspaces/${caseId}`);
    await page.getByRole('tab', { name: 'Record' }).waitFor();
    return page;
  }

  it('lets the owner record both tracks, and shows a police observer the assistance track only once granted', async () => {
    const page = await openCase(owner);
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Record', 'Assistance', 'Justice', 'Referrals', 'Board', 'Members', 'Invitations', 'Settings']);

    await page.getByRole('tab', { name: 'Assistance' }).click();
    await page.getByText('No services recorded yet.').waitFor();
    await page.getByRole('button', { name: 'Add a service' }).click();
    const request = page.getByRole('dialog', { name: 'A service the person asked for' });
    await request.getByLabel('Service').selectOption({ label: 'Health' });
    await request.getByLabel('Note').fill('Check-up at the clinic');
    await request.getByRole('button', { name: 'Add the service' }).click();
    await request.waitFor({ state: 'hidden' });
    const services = page.getByRole('table', { name: 'Assistance' });
    await services.getByRole('row', { name: /Health.*Requested/ }).waitFor();
    await page.getByRole('button', { name: 'Mark Health as given' }).click();
    const given = page.getByRole('dialog', { name: 'Health: given from' });
    await given.getByRole('button', { name: 'Mark as given' }).click();
    await given.waitFor({ state: 'hidden' });
    await services.getByRole('row', { name: /Health.*Given/ }).waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = violations.filter((found) => found.impact === 'serious' || found.impact === 'critical');
    expect(serious.map((found) => `${found.id} on ${found.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByRole('tab', { name: 'Justice' }).click();
    await page.getByRole('button', { name: 'Record a step' }).click();
    const step = page.getByRole('dialog', { name: 'A step of the criminal proceedings' });
    await step.getByLabel('Step').selectOption({ label: 'Complaint' });
    await step.getByLabel('File number').fill('EXP-77/2026');
    await step.getByRole('button', { name: 'Record the step' }).click();
    await step.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Criminal justice' }).getByRole('row', { name: /Complaint.*EXP-77\/2026/ }).waitFor();

    // The police observer: the case and its justice track, no assistance tab, and the API agrees.
    const officer = await openCase(police);
    expect(await officer.getByRole('tab').allTextContents()).toEqual(['Record', 'Justice', 'Referrals', 'Board', 'Members']);
    await officer.getByRole('tab', { name: 'Justice' }).click();
    await officer.getByRole('table', { name: 'Criminal justice' }).getByRole('row', { name: /Complaint.*EXP-77\/2026/ }).waitFor();
    expect(await officer.getByRole('button', { name: 'Record a step' }).count()).toBe(0);
    const refused = await fetch(`${e2e.server.url}/api/cases/${caseId}/assistance`, { headers: { authorization: `Bearer ${police.token}` } });
    expect(refused.status).toBe(403);

    // An owner grants it: from then on the officer reads the services, and still cannot record one.
    await api(e2e.server, `/api/workspaces/${caseId}/members/${police.userId}`, { token: owner.token, method: 'PATCH', body: { assistanceAccess: true } });
    await officer.reload();
    await officer.getByRole('tab', { name: 'Assistance' }).click();
    await officer.getByRole('table', { name: 'Assistance' }).getByRole('row', { name: /Health.*Given/ }).waitFor();
    expect(await officer.getByRole('button', { name: 'Add a service' }).count()).toBe(0);
  }, 120_000);
});
