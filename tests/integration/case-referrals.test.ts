import request from 'supertest';
import { DataSource } from 'typeorm';
import { IncomingReferralSchema, ReferralSchema, type CaseDto, type OrganizationDto } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCase, inDays, recordConsent, refer, walkCase } from '../factories/case.factory.js';
import { addMember } from '../factories/workspace.factory.js';
import { connectClient, waitFor } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CONTACT = '+54 9 387 444-1234';
const BIRTH_YEAR = 'born in 2004'; // distinctive: a bare year may occur inside an id

describe('case referrals with consent', () => {
  let app: TestApp;
  let ngo: OrganizationDto;
  let shelter: OrganizationDto;
  let police: OrganizationDto;
  let owner: SignedIn; // NGO worker
  let shelterAdmin: SignedIn;
  let socialWorker: SignedIn;
  let nurse: SignedIn;
  let notChosen: SignedIn;
  let policeAdmin: SignedIn;
  let policeOfficer: SignedIn;

  const api = (who: SignedIn) => ({
    get: (path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' }),
    post: (path: string, body?: object) => request(app.url).post(path).auth(who.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => request(app.url).put(path).auth(who.token, { type: 'bearer' }).send(body),
  });
  const db = () => app.app.get(DataSource);
  const memberIds = async (caseId: string): Promise<string[]> =>
    (await db().query(`SELECT user_id FROM workspace_members WHERE workspace_id = $1 ORDER BY user_id`, [caseId])).map((row: { user_id: string }) => row.user_id);
  const state = async (caseId: string) =>
    JSON.stringify(
      await db().query(
        `SELECT (SELECT count(*) FROM workspace_events WHERE workspace_id = $1) AS events, (SELECT count(*) FROM referrals WHERE case_id = $1) AS referrals,
                (SELECT count(*) FROM workspace_members WHERE workspace_id = $1) AS members, (SELECT json_agg(r ORDER BY id) FROM referrals r WHERE case_id = $1) AS rows`,
        [caseId],
      ),
    );

  /** A case with sensitive values, ready to be referred. */
  async function sensitiveCase(overrides: Partial<Parameters<typeof createCase>[2]> = {}): Promise<CaseDto> {
    const created = await createCase(app, owner, { jurisdiction: 'Salta', ...overrides });
    await api(owner).put(`/api/cases/${created.id}/sensitive`, { version: 1, fields: { contact: CONTACT, ageOrBirthYear: BIRTH_YEAR } }).expect(200);
    return created;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    ngo = await createOrganization(app, admin, { kind: 'civil_society', name: 'Fundación Refugio' });
    shelter = await createOrganization(app, admin, { kind: 'local_government', name: 'Municipio de Salta — Refugio' });
    police = await createOrganization(app, admin, { kind: 'central_government', name: 'Policía Federal' });
    owner = await createAccount(app, admin, ngo.id);
    shelterAdmin = await createAccount(app, admin, shelter.id, { orgRole: 'org_admin' });
    socialWorker = await createAccount(app, admin, shelter.id);
    nurse = await createAccount(app, admin, shelter.id);
    notChosen = await createAccount(app, admin, shelter.id);
    policeAdmin = await createAccount(app, admin, police.id, { orgRole: 'org_admin' });
    policeOfficer = await createAccount(app, admin, police.id);
  });
  afterAll(() => app.close());

  describe('refused without a valid consent, changing nothing', () => {
    it('no consent → 422 CONSENT_REQUIRED (none)', async () => {
      const created = await sensitiveCase();
      const before = await state(created.id);
      const response = await api(owner).post(`/api/cases/${created.id}/referrals`, { toOrganizationId: shelter.id, service: 'shelter', urgency: 'urgent' });
      expect({ status: response.status, code: response.body.code, reason: response.body.details?.reason }).toEqual({ status: 422, code: 'CONSENT_REQUIRED', reason: 'none' });
      expect(await state(created.id)).toBe(before);
    });

    it('a consent for another service or organisation does not count', async () => {
      const created = await sensitiveCase();
      await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id, purpose: 'health' });
      await recordConsent(app, owner, created.id, { recipientOrganizationId: police.id, purpose: 'shelter' });
      const response = await api(owner).post(`/api/cases/${created.id}/referrals`, { toOrganizationId: shelter.id, service: 'shelter', urgency: 'urgent' });
      expect(response.status).toBe(422);
    });

    it('an expired consent → 422 CONSENT_REQUIRED (expired)', async () => {
      const created = await sensitiveCase();
      await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id, givenOn: inDays(-30), validUntil: inDays(-1) });
      const before = await state(created.id);
      const response = await api(owner).post(`/api/cases/${created.id}/referrals`, { toOrganizationId: shelter.id, service: 'shelter', urgency: 'routine' });
      expect({ status: response.status, code: response.body.code, reason: response.body.details?.reason }).toEqual({ status: 422, code: 'CONSENT_REQUIRED', reason: 'expired' });
      expect(await state(created.id)).toBe(before);
    });

    it('a revoked consent → 422 CONSENT_REQUIRED (revoked)', async () => {
      const created = await sensitiveCase();
      const consent = await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id });
      await api(owner).post(`/api/cases/${created.id}/consents/${consent.id}/revoke`, { reason: 'She changed her mind' }).expect(200);
      const response = await api(owner).post(`/api/cases/${created.id}/referrals`, { toOrganizationId: shelter.id, service: 'shelter', urgency: 'routine' });
      expect({ status: response.status, reason: response.body.details?.reason }).toEqual({ status: 422, reason: 'revoked' });
    });

    it('to one’s own organisation → 400 REFERRAL_TO_OWN_ORGANIZATION', async () => {
      const created = await sensitiveCase();
      await recordConsent(app, owner, created.id, { recipientOrganizationId: ngo.id });
      const before = await state(created.id);
      const response = await api(owner).post(`/api/cases/${created.id}/referrals`, { toOrganizationId: ngo.id, service: 'shelter', urgency: 'routine' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'REFERRAL_TO_OWN_ORGANIZATION' });
      expect(await state(created.id)).toBe(before);
    });

    it('a consent without who gave it, or a life-risk exception without justification → 400', async () => {
      const created = await sensitiveCase();
      const base = { recipientOrganizationId: shelter.id, purpose: 'shelter', givenOn: inDays(0), validUntil: inDays(10) };
      expect((await api(owner).post(`/api/cases/${created.id}/consents`, base)).body.code).toBe('VALIDATION_FAILED');
      expect((await api(owner).post(`/api/cases/${created.id}/consents`, { ...base, lifeRiskException: true })).body.code).toBe('VALIDATION_FAILED');
    });
  });

  it('the life-risk exception, with its justification, allows a referral without the person’s consent', async () => {
    const created = await sensitiveCase();
    const consent = await recordConsent(app, owner, created.id, {
      recipientOrganizationId: shelter.id,
      givenBy: undefined,
      lifeRiskException: true,
      justification: 'The recruiter found her current address last night',
      sharedFields: [],
    });
    expect(consent).toMatchObject({ givenBy: null, lifeRiskException: true });
    const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id, urgency: 'emergency' });
    expect(referral).toMatchObject({ status: 'sent', consentId: consent.id });
  });

  it('the receiving admins’ inbox shows only what the consent allows; no one else sees it', async () => {
    const created = await sensitiveCase();
    await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id, sharedFields: ['ageOrBirthYear'] });
    const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id, note: `Call her at ${CONTACT}`.replace(CONTACT, 'the usual number') });
    expect(ReferralSchema.safeParse(referral).error).toBeUndefined();
    const inbox = await api(shelterAdmin).get('/api/referrals/incoming').expect(200);
    const item = inbox.body.items.find((entry: { id: string }) => entry.id === referral.id);
    expect(IncomingReferralSchema.safeParse(item).error).toBeUndefined();
    expect(Object.keys(item).sort()).toEqual(
      ['caseCode', 'caseId', 'completedAt', 'createdAt', 'decidedAt', 'fromOrganizationName', 'id', 'jurisdiction', 'service', 'sharedFields', 'status', 'urgency', 'version'].sort(),
    );
    expect(item).toMatchObject({ caseCode: created.code, service: 'shelter', urgency: 'urgent', jurisdiction: 'Salta', sharedFields: ['ageOrBirthYear'], fromOrganizationName: ngo.name });
    expect(JSON.stringify(inbox.body)).not.toContain(CONTACT);
    expect(JSON.stringify(inbox.body)).not.toContain(BIRTH_YEAR);
    expect((await api(policeAdmin).get('/api/referrals/incoming').expect(200)).body.items).toEqual([]);
    expect((await api(socialWorker).get('/api/referrals/incoming')).status).toBe(403);
    // Receiving a referral gives no access to the case until it is accepted.
    await api(shelterAdmin).get(`/api/cases/${created.id}`).expect(404);
  });

  it('accepting adds exactly the chosen people as contributors, and nobody else; completion is recorded', async () => {
    const created = await sensitiveCase();
    await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id });
    const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id });
    const before = await memberIds(created.id);

    const stranger = await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [socialWorker.user.id, policeOfficer.user.id] });
    expect({ status: stranger.status, code: stranger.body.code, userIds: stranger.body.details?.userIds }).toEqual({ status: 400, code: 'NOT_IN_ORGANIZATION', userIds: [policeOfficer.user.id] });
    expect(await memberIds(created.id)).toEqual(before);
    await api(policeAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [policeOfficer.user.id] }).expect(404);

    const accepted = await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [socialWorker.user.id, nurse.user.id] }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
    expect(await memberIds(created.id)).toEqual([...before, socialWorker.user.id, nurse.user.id].sort());
    const roles = (await api(owner).get(`/api/workspaces/${created.id}/members`).expect(200)).body.items;
    expect(roles.filter((m: { userId: string }) => [socialWorker.user.id, nurse.user.id].includes(m.userId)).map((m: { role: string; sensitiveAccess: boolean }) => [m.role, m.sensitiveAccess])).toEqual([
      ['contributor', false],
      ['contributor', false],
    ]);
    await api(socialWorker).get(`/api/cases/${created.id}`).expect(200);
    await api(notChosen).get(`/api/cases/${created.id}`).expect(404);
    await api(shelterAdmin).get(`/api/cases/${created.id}`).expect(404);
    // Joining through a referral gives no sensitive access by itself.
    expect((await api(socialWorker).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Intake' })).status).toBe(403);

    expect((await api(shelterAdmin).post(`/api/referrals/${referral.id}/decline`, { version: 2, reason: 'Too late' })).body.code).toBe('ILLEGAL_TRANSITION');
    const completed = await api(shelterAdmin).post(`/api/referrals/${referral.id}/complete`, { version: 2, note: 'Stayed 3 weeks' }).expect(200);
    expect(completed.body).toMatchObject({ status: 'completed' });
    const seen = (await api(owner).get(`/api/cases/${created.id}/referrals`).expect(200)).body.items[0];
    expect(seen).toMatchObject({ status: 'completed', completionNote: 'Stayed 3 weeks', acceptedUserIds: [socialWorker.user.id, nurse.user.id].sort(), decidedBy: shelterAdmin.user.id });
  });

  it('someone who joined through a referral reads only the fields the consent shares, even with the grant', async () => {
    const created = await sensitiveCase();
    await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id, sharedFields: ['ageOrBirthYear'] });
    const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id });
    await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [socialWorker.user.id] }).expect(200);
    await request(app.url).patch(`/api/workspaces/${created.id}/members/${socialWorker.user.id}`).auth(owner.token, { type: 'bearer' }).send({ sensitiveAccess: true }).expect(200);
    const shared = await api(socialWorker).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Intake' }).expect(200);
    expect(shared.body.fields).toEqual({ ageOrBirthYear: BIRTH_YEAR });
    const refused = await api(socialWorker).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Intake', fields: ['contact', 'ageOrBirthYear'] });
    expect({ status: refused.status, fields: refused.body.details?.fields }).toEqual({ status: 403, fields: ['contact'] });
    expect(JSON.stringify(refused.body)).not.toContain(CONTACT);
    expect((await api(socialWorker).put(`/api/cases/${created.id}/sensitive`, { version: 2, fields: { contact: 'other' } })).status).toBe(403);
    const views = (await api(owner).get(`/api/cases/${created.id}/sensitive/views`).expect(200)).body.items;
    expect(views.map((view: { fields: string[] }) => view.fields)).toEqual([['ageOrBirthYear']]);
    // The owners' own organisation is not limited by the consent.
    expect((await api(owner).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Plan' }).expect(200)).body.fields.contact).toBe(CONTACT);
  });

  it('declining with a reason adds nobody', async () => {
    const created = await sensitiveCase();
    await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id });
    const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id });
    const before = await memberIds(created.id);
    const declined = await api(shelterAdmin).post(`/api/referrals/${referral.id}/decline`, { version: 1, reason: 'No places left this month' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined' });
    expect(await memberIds(created.id)).toEqual(before);
    const seen = (await api(owner).get(`/api/cases/${created.id}/referrals`).expect(200)).body.items[0];
    expect(seen).toMatchObject({ status: 'declined', declineReason: 'No places left this month', acceptedUserIds: [] });
    expect((await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 2, userIds: [nurse.user.id] })).body.code).toBe('ILLEGAL_TRANSITION');
    expect(await memberIds(created.id)).toEqual(before);
  });

  it('revoking the consent removes the people who joined through it at once, live', async () => {
    const created = await sensitiveCase();
    await addMember(app, owner, created.id, notChosen, 'observer'); // joined by invitation: stays
    const consent = await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id });
    const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id });
    await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [socialWorker.user.id] }).expect(200);
    const client = await connectClient(app.url, socialWorker.token);
    try {
      expect((await client.subscribe(created.id)).ok).toBe(true);
      await api(owner).post(`/api/cases/${created.id}/consents/${consent.id}/revoke`, { reason: 'She asked us to stop' }).expect(200);
      await waitFor(() => client.removedFrom.includes(created.id), 'the social worker’s socket to leave the case');
    } finally {
      client.close();
    }
    await api(socialWorker).get(`/api/cases/${created.id}`).expect(404);
    await api(notChosen).get(`/api/cases/${created.id}`).expect(200);
    const seen = (await api(owner).get(`/api/cases/${created.id}/referrals`).expect(200)).body.items[0];
    expect(seen.status).toBe('withdrawn');
    expect((await api(owner).get(`/api/cases/${created.id}/consents`).expect(200)).body.items[0]).toMatchObject({ revokedBy: owner.user.id, revokeReason: 'She asked us to stop' });
    expect((await api(shelterAdmin).post(`/api/referrals/${referral.id}/complete`, { version: 3 })).body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('whether the person cooperates with the authorities changes nothing in stages, referrals or assistance', async () => {
    const walk = async (cooperatesWithAuthorities: boolean | null) => {
      const created = await createCase(app, owner, { cooperatesWithAuthorities });
      const trail: unknown[] = [];
      let current = created;
      for (const to of ['assessment', 'assistance'] as const) {
        current = await walkCase(app, owner, current, [to]);
        trail.push(current.stage, current.allowedTransitions);
      }
      const consent = await recordConsent(app, owner, created.id, { recipientOrganizationId: shelter.id });
      const referral = await refer(app, owner, created.id, { toOrganizationId: shelter.id });
      trail.push(referral.status);
      const accepted = await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [nurse.user.id] });
      trail.push(accepted.status, accepted.body.status);
      // Every assistance transition, legal and illegal, by the owner and by the shelter's nurse who joined through the referral.
      for (const by of [owner, nurse]) {
        const step = async (id: string, body: object) => {
          const response = await api(by).post(`/api/cases/${created.id}/assistance/${id}/transitions`, body);
          trail.push(response.status, response.body.code ?? [response.body.status, response.body.allowedTransitions]);
        };
        const requested = await api(by).post(`/api/cases/${created.id}/assistance`, { service: 'shelter', requestedOn: inDays(-3) });
        trail.push(requested.status, requested.body.status, requested.body.allowedTransitions);
        await step(requested.body.id, { version: 1, to: 'given', on: inDays(-2) });
        await step(requested.body.id, { version: 1, to: 'ended', on: inDays(-1) }); // stale
        await step(requested.body.id, { version: 2, to: 'ended', on: inDays(-1) });
        await step(requested.body.id, { version: 3, to: 'given', on: inDays(0) }); // illegal
        const refused = await api(by).post(`/api/cases/${created.id}/assistance`, { service: 'repatriation', requestedOn: inDays(-3) });
        await step(refused.body.id, { version: 1, to: 'ended', on: inDays(-3) });
        await step(refused.body.id, { version: 2, to: 'ended', on: inDays(-3) }); // illegal
        const listed = await api(by).get(`/api/cases/${created.id}/assistance`);
        trail.push(listed.status, listed.body.items.map((item: { service: string; status: string }) => [item.service, item.status]));
      }
      const completed = await api(shelterAdmin).post(`/api/referrals/${referral.id}/complete`, { version: 2 });
      trail.push(completed.status, completed.body.status);
      const second = await api(owner).post(`/api/cases/${created.id}/referrals`, { toOrganizationId: shelter.id, service: 'health', urgency: 'routine' });
      trail.push(second.status, second.body.code);
      await api(owner).post(`/api/cases/${created.id}/consents/${consent.id}/revoke`, { reason: 'Withdrawn' }).expect(200);
      current = await walkCase(app, owner, current, ['inclusion', 'closed']);
      trail.push(current.stage, (await memberIds(created.id)).length);
      return trail;
    };
    const withoutCooperation = await walk(false);
    // The walk did get through: each service was given or refused and ended, by the owner and by the referred nurse.
    expect(withoutCooperation).toContainEqual([['shelter', 'ended'], ['repatriation', 'ended']]);
    expect(withoutCooperation).toContainEqual([['shelter', 'ended'], ['repatriation', 'ended'], ['shelter', 'ended'], ['repatriation', 'ended']]);
    expect(await walk(true)).toEqual(withoutCooperation);
    expect(await walk(null)).toEqual(withoutCooperation);
  });
});
