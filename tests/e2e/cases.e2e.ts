import type { Page } from 'playwright-core';
import { addMember } from '../factories/workspace.factory.js';
import { adminToken, api, createOrganization, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

const PASSWORD = 'a-long-demo-password';

/**
 * The done-when scenario, in Chromium: an NGO worker identifies a case, records the person's consent
 * and refers the case to a municipal shelter service; the municipality's admin accepts in the inbox and adds a
 * social worker, who sees the case and follows it live; a police observer sees the case but none of its
 * protected fields (no Show, and the API refuses); the owner sees who viewed them; revoking the consent ends
 * the social worker's access at once.
 */
describe('cases in the browser: identify, consent, refer, accept, observe, audit', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let ngoWorker: Person;
  let ngoCoordinator: Person;
  let municipalAdmin: Person;
  let socialWorker: Person;
  let police: Person;

  beforeAll(async () => {
    server = e2e.server;
    const admin = await adminToken(server);
    const person = async (organizationId: string, email: string, displayName: string, orgRole: 'org_admin' | 'member' = 'member'): Promise<Person> => {
      const user = await api<{ id: string }>(server, `/api/organizations/${organizationId}/users`, { token: admin, body: { email, displayName, password: PASSWORD, orgRole } });
      const { accessToken } = await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email, password: PASSWORD } });
      return { email, password: PASSWORD, displayName, userId: user.id, token: accessToken };
    };
    const ngo = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    const municipality = await createOrganization(server, admin, 'Municipalidad de Rosario', 'local_government');
    const policeForce = await createOrganization(server, admin, 'Policía Federal', 'central_government');
    ngoWorker = await person(ngo.id, 'ana@refugio.test', 'Ana Gómez');
    ngoCoordinator = await person(ngo.id, 'lucia@refugio.test', 'Lucía Benítez');
    municipalAdmin = await person(municipality.id, 'admin@rosario.test', 'Pablo Sosa', 'org_admin');
    socialWorker = await person(municipality.id, 'marta@rosario.test', 'Marta Ibáñez');
    police = await person(policeForce.id, 'comisario@policia.test', 'Jorge Paz');
  });

  async function signedIn(who: Person): Promise<Page> {
    const { page } = await e2e.open();
    await signIn(page, who.email, who.password);
    return page;
  }

  const asMember = (who: Person) => ({ token: who.token, user: { email: who.email } });

  it('takes a case from identification to an accepted referral, with protected fields only for those allowed and every reading shown to the owner', async () => {
    // The NGO worker identifies the case from the Cases page; it opens on its record.
    const owner = await signedIn(ngoWorker);
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await owner.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await owner.getByRole('button', { name: 'New case' }).click();
    const create = owner.getByRole('dialog', { name: 'Identify a new case' });
    await create.getByLabel('Title').fill('Caso taller textil');
    await create.getByLabel('Labour exploitation').check();
    await create.getByLabel('Jurisdiction').fill('Rosario');
    await create.getByRole('button', { name: 'Create case' }).click();
    await owner.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
    const caseId = new URL(owner.url()).pathname.split('/').pop()!;
    const codeHeading = owner.getByRole('heading', { name: /^Case AR-\d{4}-\d{4}$/ });
    const code = (await codeHeading.textContent())!.replace('Case ', '');
    expect(await owner.getByRole('tab').allTextContents()).toEqual(['Record', 'Assistance', 'Justice', 'Referrals', 'Board', 'Members', 'Invitations', 'Settings']);
    await owner.getByText(/^\d+ days left$/).waitFor();

    // The protected fields are hidden until asked for with a reason; the owner records some.
    const protectedFields = owner.getByRole('region', { name: 'Protected fields' });
    await protectedFields.getByRole('button', { name: 'Show' }).click();
    const ask = owner.getByRole('dialog', { name: 'Why do you need the protected fields?' });
    await ask.getByLabel('Reason').fill('Recording the intake interview');
    await ask.getByRole('button', { name: 'Show' }).click();
    await ask.waitFor({ state: 'hidden' });
    await protectedFields.getByRole('button', { name: 'Edit' }).click();
    await protectedFields.getByLabel('Alias').fill('Yanina');
    await protectedFields.getByLabel('Age or year of birth').fill('1999');
    await protectedFields.getByLabel('Nationality').fill('Paraguaya');
    await protectedFields.getByRole('button', { name: 'Save protected fields' }).click();
    await protectedFields.getByText('Yanina', { exact: true }).waitFor();
    await protectedFields.getByRole('button', { name: 'Hide' }).click();
    expect(await protectedFields.getByText('Yanina', { exact: true }).count()).toBe(0);

    // Referring without the person's consent is refused, and the form says why.
    await owner.getByRole('tab', { name: 'Referrals' }).click();
    const referrals = owner.getByRole('region', { name: 'Referrals' });
    await referrals.getByRole('button', { name: 'Refer' }).click();
    let refer = owner.getByRole('dialog', { name: 'Refer the case' });
    await refer.getByLabel('To').selectOption({ label: 'Municipalidad de Rosario (AR)' });
    await refer.getByLabel('Service').selectOption({ label: 'Shelter' });
    await refer.getByLabel('Urgency').selectOption({ label: 'Urgent' });
    await refer.getByRole('button', { name: 'Send referral' }).click();
    const refusal = refer.getByRole('alert');
    await refusal.getByText('Consent required').waitFor();
    expect(await refusal.textContent()).toContain('No consent of the person is recorded for this organisation and service');
    await refer.getByRole('button', { name: 'Cancel' }).click();
    await refer.waitFor({ state: 'hidden' });

    // The person's consent: the municipality, for shelter, sharing their age only.
    const consents = owner.getByRole('region', { name: 'Consents' });
    await consents.getByRole('button', { name: 'Record consent' }).click();
    const consent = owner.getByRole('dialog', { name: 'Record the person’s consent' });
    await consent.getByLabel('Recipient organisation').selectOption({ label: 'Municipalidad de Rosario (AR)' });
    await consent.getByLabel('Purpose (service)').selectOption({ label: 'Shelter' });
    await consent.getByLabel('Given by').selectOption({ label: 'The person' });
    await consent.getByLabel('Age or year of birth').check();
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await consent.waitFor({ state: 'hidden' });
    const consentRow = consents.getByRole('row', { name: /Municipalidad de Rosario/ });
    await consentRow.getByText('Valid', { exact: true }).waitFor();
    expect(await consentRow.textContent()).toContain('Age or year of birth');

    await referrals.getByRole('button', { name: 'Refer' }).click();
    refer = owner.getByRole('dialog', { name: 'Refer the case' });
    await refer.getByLabel('To').selectOption({ label: 'Municipalidad de Rosario (AR)' });
    await refer.getByLabel('Urgency').selectOption({ label: 'Urgent' });
    await refer.getByRole('button', { name: 'Send referral' }).click();
    await refer.waitFor({ state: 'hidden' });
    const referralRow = referrals.getByRole('row', { name: /Municipalidad de Rosario/ });
    await referralRow.getByText('Sent', { exact: true }).waitFor();

    // A colleague coordinating the case, and a police officer observing it (invited the usual way).
    await addMember({ url: server.url }, ngoWorker, caseId, asMember(ngoCoordinator), 'coordinator');
    await addMember({ url: server.url }, ngoWorker, caseId, asMember(police), 'observer');

    // The municipality's admin sees the referral in the inbox with only what the consent allows, and accepts it
    // for their social worker.
    const admin = await signedIn(municipalAdmin);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referral inbox' }).click();
    await admin.getByRole('heading', { name: 'Referral inbox', level: 1 }).waitFor();
    const incoming = admin.getByRole('row', { name: new RegExp(code) });
    await incoming.waitFor();
    const incomingText = (await incoming.textContent())!;
    for (const expected of ['Fundación Refugio', 'Shelter', 'Urgent', 'Rosario', 'Age or year of birth', 'Sent']) expect(incomingText).toContain(expected);
    for (const secret of ['Yanina', '1999', 'Paraguaya']) expect(incomingText).not.toContain(secret);
    await incoming.getByRole('button', { name: `Accept referral ${code}` }).click();
    const accept = admin.getByRole('dialog', { name: `Accept referral ${code}` });
    await accept.getByLabel(/Marta Ibáñez/).check();
    await accept.getByRole('button', { name: 'Accept' }).click();
    await accept.waitFor({ state: 'hidden' });
    await incoming.getByText('Accepted', { exact: true }).waitFor();
    // The owner's list follows live.
    await referralRow.getByText('Accepted', { exact: true }).waitFor({ timeout: 10_000 });

    // The social worker finds the case among theirs and opens it: no protected fields for a referral's contributor.
    const social = await signedIn(socialWorker);
    await social.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await social.getByRole('link', { name: code }).click();
    await social.getByRole('heading', { name: `Case ${code}` }).waitFor();
    expect(await social.getByRole('region', { name: 'Protected fields' }).count()).toBe(0);

    // The owner moves the case on; the social worker sees it live, without reloading.
    await owner.getByRole('tab', { name: 'Record' }).click();
    const stage = owner.getByRole('region', { name: 'Stage' });
    await stage.getByRole('button', { name: 'Start assessment' }).click();
    const step = owner.getByRole('dialog', { name: 'Start assessment' });
    await step.getByLabel('Reason (optional)').fill('Shelter placement confirmed');
    await step.getByRole('button', { name: 'Change stage' }).click();
    await step.waitFor({ state: 'hidden' });
    const socialStage = social.getByRole('region', { name: 'Stage' });
    await socialStage.getByText('Identified → Assessment').waitFor({ timeout: 10_000 });
    await socialStage.getByText('Shelter placement confirmed').waitFor();

    // The police observer sees the case but nothing of its protected fields: no section, no Show, and the API refuses.
    const observer = await signedIn(police);
    await observer.goto(`/workspaces/${caseId}`);
    await observer.getByRole('heading', { name: `Case ${code}` }).waitFor();
    await observer.getByRole('region', { name: 'Stage' }).getByText('Identified → Assessment').waitFor();
    expect(await observer.getByRole('region', { name: 'Protected fields' }).count()).toBe(0);
    expect(await observer.getByRole('button', { name: 'Show' }).count()).toBe(0);
    const refused = await fetch(`${server.url}/api/cases/${caseId}/sensitive/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${police.token}` },
      body: JSON.stringify({ reason: 'Checking the identity' }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Yanina');
    const asObserverSees = await api<Record<string, unknown>>(server, `/api/cases/${caseId}`, { token: police.token });
    expect(JSON.stringify(asObserverSees)).not.toMatch(/Yanina|Paraguaya|1999/);

    // The owner sees who viewed the protected fields: their own reading, and the coordinator's as it happens.
    const views = owner.getByRole('region', { name: 'Who viewed the protected fields' });
    await views.getByRole('row', { name: /Recording the intake interview/ }).waitFor();
    const read = await api<{ fields: { alias?: string } }>(server, `/api/cases/${caseId}/sensitive/views`, { token: ngoCoordinator.token, body: { reason: 'Preparing the shelter intake' } });
    expect(read.fields.alias).toBe('Yanina');
    const coordinatorRow = views.getByRole('row', { name: /Preparing the shelter intake/ });
    await coordinatorRow.waitFor({ timeout: 10_000 });
    expect(await coordinatorRow.textContent()).toContain('Lucía Benítez');
    expect(await views.textContent()).not.toContain('Jorge Paz');

    // Revoking the consent ends the social worker's access at once: their open case goes.
    await owner.getByRole('tab', { name: 'Referrals' }).click();
    await consents.getByRole('button', { name: 'Revoke the consent for Municipalidad de Rosario' }).click();
    const revoke = owner.getByRole('dialog', { name: 'Revoke the consent for Municipalidad de Rosario' });
    await revoke.getByLabel('Reason').fill('The person withdrew their consent');
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await revoke.waitFor({ state: 'hidden' });
    await consentRow.getByText('Revoked', { exact: true }).waitFor();
    await referralRow.getByText('Withdrawn', { exact: true }).waitFor({ timeout: 10_000 });
    await social.getByText('This item does not exist, or you do not have access to it.').waitFor({ timeout: 10_000 });
    expect(await social.getByRole('region', { name: 'Stage' }).count()).toBe(0);
  }, 240_000);
});
