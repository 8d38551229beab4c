import request from 'supertest';
import { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS, AgreementPageSchema, AgreementSchema, CommitmentDetailSchema, TermsVersionPageSchema, TransitionPageSchema, type AgreementDto, type AgreementStatus, type OrganizationDto, type WorkspaceEvent } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addParty, createAgreement, createCommitment, signableAgreement, walk } from '../factories/agreement.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The shortest legal path from draft to each status. */
const PATH_TO: Record<AgreementStatus, AgreementStatus[]> = {
  draft: [],
  negotiation: ['negotiation'],
  signed: ['negotiation', 'signed'],
  in_force: ['negotiation', 'signed', 'in_force'],
  suspended: ['negotiation', 'signed', 'in_force', 'suspended'],
  expired: ['negotiation', 'signed', 'in_force', 'expired'],
  terminated: ['negotiation', 'signed', 'in_force', 'terminated'],
};

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('agreements', () => {
  let app: TestApp;
  let ministry: OrganizationDto;
  let province: OrganizationDto;
  let ngo: OrganizationDto;
  let owner: SignedIn;
  let coordinator: SignedIn;
  let official: SignedIn; // a contributor from the province
  let observer: SignedIn;
  let outsider: SignedIn;

  const api = (who: SignedIn) => ({
    get: (path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' }),
    post: (path: string, body?: object) => request(app.url).post(path).auth(who.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => request(app.url).patch(path).auth(who.token, { type: 'bearer' }).send(body),
    delete: (path: string) => request(app.url).delete(path).auth(who.token, { type: 'bearer' }),
  });

  async function events(workspaceId: string): Promise<WorkspaceEvent[]> {
    const response = await api(owner).get(`/api/workspaces/${workspaceId}/events?after=0&limit=500`).expect(200);
    return response.body.items;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    ministry = await createOrganization(app, admin, { kind: 'central_government', name: 'Ministerio de Justicia' });
    province = await createOrganization(app, admin, { kind: 'local_government', name: 'Provincia de Salta' });
    ngo = await createOrganization(app, admin, { kind: 'civil_society', name: 'Fundación Refugio' });
    owner = await createAccount(app, admin, ministry.id);
    coordinator = await createAccount(app, admin, ministry.id);
    official = await createAccount(app, admin, province.id);
    observer = await createAccount(app, admin, ngo.id);
    outsider = await createAccount(app, admin, ngo.id);
  });
  afterAll(() => app.close());

  describe('the record', () => {
    it('POST /api/agreements creates the workspace and its agreement together, with an agreement.created event', async () => {
      const agreement = await createAgreement(app, owner, { title: 'MoU trata', referenceCode: 'MOU-001', thematicAreas: ['prevention'], countries: ['AR'], effectiveFrom: '2026-01-01', expiresOn: '2028-12-31' });
      expect(AgreementSchema.safeParse(agreement).error).toBeUndefined();
      expect(agreement).toMatchObject({ title: 'MoU trata', kind: 'mou', status: 'draft', referenceCode: 'MOU-001', leadOrganizationId: ministry.id, termsVersion: 0, version: 1, parties: [], allowedTransitions: ['negotiation'] });
      const workspace = await api(owner).get(`/api/workspaces/${agreement.id}`).expect(200);
      expect(workspace.body).toMatchObject({ kind: 'agreement', title: 'MoU trata', myRole: 'owner' });
      const created = (await events(agreement.id)).find((event) => event.type === 'agreement.created');
      expect(created).toMatchObject({ entityType: 'agreement', entityId: agreement.id, payload: { referenceCode: 'MOU-001', status: 'draft', expiresOn: '2028-12-31' } });
    });

    it('the generic POST /api/workspaces {kind: agreement} gets a default draft record; other kinds get none', async () => {
      const workspace = await createWorkspace(app, owner, { kind: 'agreement', title: 'Protocolo' });
      const agreement = await api(owner).get(`/api/agreements/${workspace.id}`).expect(200);
      expect(agreement.body).toMatchObject({ id: workspace.id, title: 'Protocolo', kind: 'mou', status: 'draft', terms: '', parties: [] });
      const coordination = await createWorkspace(app, owner, { kind: 'coordination' });
      await api(owner).get(`/api/agreements/${coordination.id}`).expect(404);
    });

    it('non-members get 404 for the agreement and its commitments, even when their organisation is a party', async () => {
      const agreement = await createAgreement(app, owner);
      await addParty(app, owner, agreement.id, ministry.id);
      await addParty(app, owner, agreement.id, ngo.id, 'implementing');
      const commitment = await createCommitment(app, owner, agreement.id, ngo.id);
      expect((await api(outsider).get(`/api/agreements/${agreement.id}`)).status).toBe(404);
      expect((await api(outsider).get(`/api/commitments/${commitment.id}`)).status).toBe(404);
      expect((await api(outsider).post(`/api/commitments/${commitment.id}/progress`, { version: 1, note: 'Mine?' })).status).toBe(404);
      expect((await api(outsider).get('/api/agreements?limit=200')).body.items.map((item: AgreementDto) => item.id)).not.toContain(agreement.id);
    });

    it('refuses a stale version with 409 and the current agreement; of two concurrent edits exactly one wins', async () => {
      const agreement = await createAgreement(app, owner);
      await addMember(app, owner, agreement.id, coordinator, 'coordinator');
      const [a, b] = await Promise.all([
        api(owner).patch(`/api/agreements/${agreement.id}`, { version: 1, summary: 'From the owner' }),
        api(coordinator).patch(`/api/agreements/${agreement.id}`, { version: 1, summary: 'From the coordinator' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const lost = a.status === 409 ? a : b;
      const won = a.status === 200 ? a : b;
      expect(lost.body.code).toBe('VERSION_CONFLICT');
      expect(lost.body.details.current).toMatchObject({ version: 2, summary: won.body.summary });
      const updates = (await events(agreement.id)).filter((event) => event.type === 'agreement.updated');
      expect(updates).toHaveLength(1);
    });
  });

  describe('lifecycle', () => {
    const pairs = AGREEMENT_STATUSES.flatMap((from) => AGREEMENT_STATUSES.map((to) => ({ from, to, legal: AGREEMENT_TRANSITIONS[from].includes(to) })));

    it.each(pairs)('$from → $to is legal: $legal', async ({ from, to, legal }) => {
      const start = await walk(app, owner, await signableAgreement(app, owner, ministry.id), PATH_TO[from]);
      expect(start.status).toBe(from);
      const response = await api(owner).post(`/api/agreements/${start.id}/transitions`, { version: start.version, to, reason: 'Decided at the steering committee' });
      const history = (await api(owner).get(`/api/agreements/${start.id}/transitions`).expect(200)).body.items;
      if (legal) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ status: to, version: start.version + 1, allowedTransitions: AGREEMENT_TRANSITIONS[to] });
        expect(history.at(-1)).toMatchObject({ from, to, reason: 'Decided at the steering committee', actorId: owner.user.id });
        expect(history).toHaveLength(PATH_TO[from].length + 1);
        expect(TransitionPageSchema.safeParse({ items: history }).error).toBeUndefined();
      } else {
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from, to, allowed: AGREEMENT_TRANSITIONS[from] } });
        expect(history).toHaveLength(PATH_TO[from].length);
        const after = await api(owner).get(`/api/agreements/${start.id}`).expect(200);
        expect(after.body).toMatchObject({ status: from, version: start.version });
      }
    });

    it('signing needs a signatory party, and every signatory’s signature date; its date becomes the latest', async () => {
      const agreement = await walk(app, owner, await createAgreement(app, owner), ['negotiation']);
      const sign = () => api(owner).post(`/api/agreements/${agreement.id}/transitions`, { version: agreement.version, to: 'signed' });
      await addParty(app, owner, agreement.id, ngo.id, 'implementing');
      expect((await sign()).body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { requires: 'signatory' } });
      await addParty(app, owner, agreement.id, ministry.id, 'signatory', { signedOn: '2026-03-01' });
      await addParty(app, owner, agreement.id, province.id, 'signatory');
      expect((await sign()).body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { requires: 'signatures', unsigned: [province.id] } });
      await api(owner).patch(`/api/agreements/${agreement.id}/parties/${province.id}`, { version: 1, signedOn: '2026-03-05' }).expect(200);
      const signed = await sign().expect(200);
      expect(signed.body).toMatchObject({ status: 'signed', signedOn: '2026-03-05' });
    });

    it('entering into force needs an effective date', async () => {
      const agreement = await walk(app, owner, await signableAgreement(app, owner, ministry.id, { effectiveFrom: null }), ['negotiation', 'signed']);
      const response = await api(owner).post(`/api/agreements/${agreement.id}/transitions`, { version: agreement.version, to: 'in_force' });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { requires: 'effectiveFrom' } });
    });

    it('a step carries its own date: one request, one version, one event, the date saved with the status', async () => {
      const agreement = await walk(app, owner, await signableAgreement(app, owner, ministry.id, { effectiveFrom: null }), ['negotiation']);
      const signed = await api(owner).post(`/api/agreements/${agreement.id}/transitions`, { version: agreement.version, to: 'signed', signedOn: '2026-03-20' }).expect(200);
      // The step's own date wins over the latest signatory's (2025-12-15).
      expect(signed.body).toMatchObject({ status: 'signed', signedOn: '2026-03-20', version: agreement.version + 1 });
      const inForce = await api(owner).post(`/api/agreements/${agreement.id}/transitions`, { version: signed.body.version, to: 'in_force', effectiveFrom: '2026-04-01' }).expect(200);
      expect(inForce.body).toMatchObject({ status: 'in_force', effectiveFrom: '2026-04-01', version: signed.body.version + 1 });
      const expired = await api(owner).post(`/api/agreements/${agreement.id}/transitions`, { version: inForce.body.version, to: 'expired', expiresOn: '2027-04-01' }).expect(200);
      expect(expired.body).toMatchObject({ status: 'expired', expiresOn: '2027-04-01' });
      const log = (await events(agreement.id)).filter((event) => event.type.startsWith('agreement.') && event.type !== 'agreement.created');
      expect(log.map((event) => event.type)).toEqual(['agreement.transitioned', 'agreement.transitioned', 'agreement.transitioned', 'agreement.transitioned']);
      expect(log[2].payload).toMatchObject({ agreement: { status: 'in_force', effectiveFrom: '2026-04-01' }, transition: { from: 'signed', to: 'in_force' } });
    });

    it.each([
      { does: 'a date on a step it does not date', step: { to: 'negotiation', effectiveFrom: '2026-04-01' }, from: [] as AgreementStatus[], status: 400, code: 'VALIDATION_FAILED' },
      { does: 'another step’s date', step: { to: 'in_force', signedOn: '2026-04-01' }, from: ['negotiation', 'signed'] as AgreementStatus[], status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an effective date after the expiry', step: { to: 'in_force', effectiveFrom: '2031-01-01' }, from: ['negotiation', 'signed'] as AgreementStatus[], status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a dated step that is illegal', step: { to: 'in_force', effectiveFrom: '2026-04-01' }, from: [] as AgreementStatus[], status: 409, code: 'ILLEGAL_TRANSITION' },
    ])('refuses $does and changes nothing', async ({ step, from, status, code }) => {
      const start = await walk(app, owner, await signableAgreement(app, owner, ministry.id, { effectiveFrom: null, expiresOn: '2030-12-31' }), from);
      const response = await api(owner).post(`/api/agreements/${start.id}/transitions`, { version: start.version, ...step });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      const after = await api(owner).get(`/api/agreements/${start.id}`).expect(200);
      expect(after.body).toMatchObject({ status: start.status, version: start.version, effectiveFrom: null, signedOn: start.signedOn });
    });
  });

  describe('amendments', () => {
    it('are numbered, never rewrite earlier versions, and make the latest terms current', async () => {
      const draft = await signableAgreement(app, owner, ministry.id, { terms: 'Original terms' });
      const early = await api(owner).post(`/api/agreements/${draft.id}/amendments`, { version: draft.version, amendedOn: '2026-02-01', summary: 'Too early', terms: 'x' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('NOT_SIGNED');
      const signed = await walk(app, owner, draft, ['negotiation', 'signed']);
      const edit = await api(owner).patch(`/api/agreements/${draft.id}`, { version: signed.version, terms: 'Rewritten in place' });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('TERMS_LOCKED');
      const first = await api(owner).post(`/api/agreements/${draft.id}/amendments`, { version: signed.version, amendedOn: '2026-06-01', summary: 'Adds shelters', terms: 'Terms v1' }).expect(201);
      expect(first.body).toMatchObject({ terms: 'Terms v1', termsVersion: 1 });
      const second = await api(owner).post(`/api/agreements/${draft.id}/amendments`, { version: first.body.version, amendedOn: '2026-09-01', summary: 'Extends to Jujuy', terms: 'Terms v2' }).expect(201);
      expect(second.body).toMatchObject({ terms: 'Terms v2', termsVersion: 2 });
      const versions = await api(owner).get(`/api/agreements/${draft.id}/amendments`).expect(200);
      expect(TermsVersionPageSchema.safeParse(versions.body).error).toBeUndefined();
      expect(versions.body.items.map(({ number, amendedOn, summary, terms }: Record<string, unknown>) => ({ number, amendedOn, summary, terms }))).toEqual([
        { number: 0, amendedOn: null, summary: null, terms: 'Original terms' },
        { number: 1, amendedOn: '2026-06-01', summary: 'Adds shelters', terms: 'Terms v1' },
        { number: 2, amendedOn: '2026-09-01', summary: 'Extends to Jujuy', terms: 'Terms v2' },
      ]);
      const amended = (await events(draft.id)).filter((event) => event.type === 'agreement.amended');
      expect(amended.map((event) => event.type === 'agreement.amended' && [event.payload.amendment.number, event.payload.agreement.terms])).toEqual([
        [1, 'Terms v1'],
        [2, 'Terms v2'],
      ]);
    });
  });

  describe('inviting a party’s people', () => {
    const PASSWORD = 'a-long-enough-password';
    const inviteTo = (workspaceId: string, email: string, extra: object = {}) =>
      api(owner).post(`/api/workspaces/${workspaceId}/invitations`, { email, role: 'contributor', ...extra });
    const pendingOf = async (workspaceId: string) => (await api(owner).get(`/api/workspaces/${workspaceId}/invitations`).expect(200)).body.items;

    it('takes only a party of the agreement as the organisation an invitation is on behalf of, and changes nothing otherwise', async () => {
      const agreement = await createAgreement(app, owner);
      await addParty(app, owner, agreement.id, ngo.id, 'implementing');
      const notParty = await inviteTo(agreement.id, 'someone@elsewhere.test', { partyOrganizationId: province.id });
      expect(notParty.status).toBe(400);
      expect(notParty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'partyOrganizationId' }] });
      const coordination = await createWorkspace(app, owner, { kind: 'coordination' });
      expect((await inviteTo(coordination.id, 'someone@elsewhere.test', { partyOrganizationId: ngo.id })).status).toBe(400);
      expect(await pendingOf(agreement.id)).toEqual([]);
      expect(await pendingOf(coordination.id)).toEqual([]);
    });

    it('suggests the party to the invitee and puts nobody into it: affiliation still needs the organisation’s confirmation', async () => {
      const agreement = await createAgreement(app, owner);
      await addParty(app, owner, agreement.id, ngo.id, 'implementing');
      const first = (await inviteTo(agreement.id, 'first@unknown-domain.test', { partyOrganizationId: ngo.id }).expect(201)).body;
      expect(await pendingOf(agreement.id)).toEqual([expect.objectContaining({ email: 'first@unknown-domain.test', partyOrganizationId: ngo.id, organizationId: null })]);
      const preview = await request(app.url).get(`/api/invitations/${first.token}`).expect(200);
      expect(preview.body.suggestedOrganization).toEqual({ id: ngo.id, name: ngo.name });

      // Accepting without choosing it: no organisation at all.
      await request(app.url).post(`/api/invitations/${first.token}/accept`).send({ displayName: 'First', password: PASSWORD }).expect(200);
      const firstPerson = (await request(app.url).post('/api/auth/login').send({ email: 'first@unknown-domain.test', password: PASSWORD }).expect(200)).body;
      expect((await request(app.url).get('/api/me').auth(firstPerson.accessToken, { type: 'bearer' }).expect(200)).body.organization).toBeNull();

      // Choosing it: a request to its administrators, unconfirmed until they approve.
      const second = (await inviteTo(agreement.id, 'second@unknown-domain.test', { partyOrganizationId: ngo.id }).expect(201)).body;
      await request(app.url).post(`/api/invitations/${second.token}/accept`).send({ displayName: 'Second', password: PASSWORD, organizationId: ngo.id }).expect(200);
      const members = (await api(owner).get(`/api/workspaces/${agreement.id}/members`).expect(200)).body.items;
      const secondMember = members.find((member: { email: string }) => member.email === 'second@unknown-domain.test');
      expect(secondMember).toMatchObject({ organizationId: null, unconfirmedOrganization: { id: ngo.id } });
      const invitedEvents = (await events(agreement.id)).filter((event) => event.type === 'invitation.created');
      expect(invitedEvents.map((event) => event.payload)).toEqual([expect.objectContaining({ partyOrganizationId: ngo.id }), expect.objectContaining({ partyOrganizationId: ngo.id })]);
    });
  });

  describe('commitments', () => {
    let agreement: AgreementDto;

    beforeAll(async () => {
      agreement = await createAgreement(app, owner, { title: 'Red provincial' });
      await addMember(app, owner, agreement.id, official, 'contributor');
      await addMember(app, owner, agreement.id, observer, 'observer');
      await addParty(app, owner, agreement.id, ministry.id, 'signatory');
      await addParty(app, owner, agreement.id, province.id, 'implementing', { contactUserId: official.user.id });
    });

    it('a contributor reports progress on their own organisation’s commitment and gets 403 on another’s', async () => {
      const own = await createCommitment(app, owner, agreement.id, province.id, { thematicArea: 'assistance' });
      const other = await createCommitment(app, owner, agreement.id, ministry.id);
      const reported = await api(official).post(`/api/commitments/${own.id}/progress`, { version: own.version, note: 'Shelter opened', status: 'in_progress' }).expect(201);
      expect(reported.body).toMatchObject({ status: 'in_progress', version: own.version + 1, progress: [{ note: 'Shelter opened', statusFrom: 'not_started', statusTo: 'in_progress', authorId: official.user.id }] });
      const refused = await api(official).post(`/api/commitments/${other.id}/progress`, { version: other.version, note: 'Not mine' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      // Defining the commitment is editing the agreement: not even the responsible contributor.
      expect((await api(official).patch(`/api/commitments/${own.id}`, { version: 2, text: 'Smaller promise' })).status).toBe(403);
      expect((await api(observer).post(`/api/commitments/${own.id}/progress`, { version: 2, note: 'Observing' })).status).toBe(403);
      const detail = await api(observer).get(`/api/commitments/${other.id}`).expect(200);
      expect(detail.body).toMatchObject({ status: 'not_started', progress: [] });
    });

    it('of two progress updates on the same version, one wins and the other gets 409 with the current commitment', async () => {
      const commitment = await createCommitment(app, owner, agreement.id, province.id);
      const [a, b] = await Promise.all([
        api(official).post(`/api/commitments/${commitment.id}/progress`, { version: 1, note: 'From the province', status: 'in_progress' }),
        api(owner).post(`/api/commitments/${commitment.id}/progress`, { version: 1, note: 'From the ministry', status: 'done' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const lost = a.status === 409 ? a : b;
      expect(lost.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2 } } });
      const detail = await api(owner).get(`/api/commitments/${commitment.id}`).expect(200);
      expect(detail.body.progress).toHaveLength(1);
    });

    it('keeps every progress update as history, a blocked status with its reason', async () => {
      const commitment = await createCommitment(app, owner, agreement.id, province.id);
      await api(official).post(`/api/commitments/${commitment.id}/progress`, { version: 1, note: 'Started', status: 'in_progress' }).expect(201);
      const blocked = await api(official).post(`/api/commitments/${commitment.id}/progress`, { version: 2, note: 'No budget', status: 'blocked', blockedReason: 'Budget not transferred' }).expect(201);
      expect(blocked.body).toMatchObject({ status: 'blocked', blockedReason: 'Budget not transferred' });
      const done = await api(official).post(`/api/commitments/${commitment.id}/progress`, { version: 3, note: 'Transferred and done', status: 'done' }).expect(201);
      expect(done.body.blockedReason).toBeNull();
      expect(CommitmentDetailSchema.safeParse(done.body).error).toBeUndefined();
      expect(done.body.progress.map((p: { statusFrom: string; statusTo: string; note: string }) => [p.statusFrom, p.statusTo, p.note])).toEqual([
        ['not_started', 'in_progress', 'Started'],
        ['in_progress', 'blocked', 'No budget'],
        ['blocked', 'done', 'Transferred and done'],
      ]);
    });

    it('derives overdue from the due date and status, and records resources', async () => {
      const late = await createCommitment(app, owner, agreement.id, ministry.id, { dueOn: '2020-01-01', budgetAllocated: '1500000', budgetExecuted: '250000.50', currency: 'ARS', staffAssigned: 4 });
      expect(late).toMatchObject({ overdue: true, budgetAllocated: '1500000.00', budgetExecuted: '250000.50', currency: 'ARS', staffAssigned: 4 });
      const future = await createCommitment(app, owner, agreement.id, ministry.id, { dueOn: daysFromToday(30) });
      expect(future.overdue).toBe(false);
      const done = await api(owner).post(`/api/commitments/${late.id}/progress`, { version: 1, note: 'Delivered late', status: 'done' }).expect(201);
      expect(done.body.overdue).toBe(false);
      const created = (await events(agreement.id)).find((event) => event.type === 'commitment.created' && event.entityId === late.id);
      expect(created?.payload).not.toHaveProperty('overdue');
    });
  });

  describe('bad input changes nothing', () => {
    let agreement: AgreementDto;
    let commitmentId: string;

    beforeAll(async () => {
      agreement = await createAgreement(app, owner, { referenceCode: 'REF-TAKEN', effectiveFrom: '2026-01-01' });
      await addParty(app, owner, agreement.id, ministry.id, 'signatory');
      commitmentId = (await createCommitment(app, owner, agreement.id, ministry.id)).id;
    });

    const id = () => agreement.id;
    const CASES: Array<{ does: string; method: 'post' | 'patch' | 'delete'; path: () => string; body?: object | (() => object); status: number; code: string }> = [
      { does: 'a responsible organisation that is not a party', method: 'post', path: () => `/api/agreements/${id()}/commitments`, body: { text: 'X', responsibleOrganizationId: '00000000-0000-4000-8000-000000000001', thematicArea: 'prevention' }, status: 400, code: 'NOT_A_PARTY' },
      { does: 'reassigning a commitment to a non-party', method: 'patch', path: () => `/api/commitments/${commitmentId}`, body: { version: 1, responsibleOrganizationId: '00000000-0000-4000-8000-000000000001' }, status: 400, code: 'NOT_A_PARTY' },
      { does: 'expiry before effect on create', method: 'post', path: () => '/api/agreements', body: { title: 'T', kind: 'mou', effectiveFrom: '2026-05-01', expiresOn: '2026-04-30' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'expiry before the stored effective date', method: 'patch', path: () => `/api/agreements/${id()}`, body: { version: 1, expiresOn: '2025-12-31' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an impossible date', method: 'patch', path: () => `/api/agreements/${id()}`, body: { version: 1, nextReviewOn: '2026-02-30' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a NUL character in the summary', method: 'patch', path: () => `/api/agreements/${id()}`, body: { version: 1, summary: 'a\u0000b' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unpaired surrogate in a commitment', method: 'patch', path: () => `/api/commitments/${commitmentId}`, body: { version: 1, text: 'x\uD800y' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'year 0000', method: 'patch', path: () => `/api/agreements/${id()}`, body: { version: 1, signedOn: '0000-01-01' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown kind', method: 'post', path: () => '/api/agreements', body: { title: 'T', kind: 'treaty' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown thematic area', method: 'post', path: () => `/api/agreements/${id()}/commitments`, body: () => ({ text: 'X', responsibleOrganizationId: ministry.id, thematicArea: 'everything' }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown status', method: 'post', path: () => `/api/commitments/${commitmentId}/progress`, body: { version: 1, note: 'n', status: 'late' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'blocked without a reason', method: 'post', path: () => `/api/commitments/${commitmentId}/progress`, body: { version: 1, note: 'n', status: 'blocked' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a budget without currency', method: 'patch', path: () => `/api/commitments/${commitmentId}`, body: { version: 1, budgetAllocated: '100' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a negative budget', method: 'patch', path: () => `/api/commitments/${commitmentId}`, body: { version: 1, budgetAllocated: '-5', currency: 'ARS' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown field', method: 'patch', path: () => `/api/agreements/${id()}`, body: { version: 1, status: 'signed' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown transition target', method: 'post', path: () => `/api/agreements/${id()}/transitions`, body: { version: 1, to: 'ratified' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an illegal transition', method: 'post', path: () => `/api/agreements/${id()}/transitions`, body: { version: 1, to: 'in_force' }, status: 409, code: 'ILLEGAL_TRANSITION' },
      { does: 'a contact who is not a member', method: 'post', path: () => `/api/agreements/${id()}/parties`, body: () => ({ organizationId: ngo.id, role: 'observer', contactUserId: outsider.user.id }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown organisation as party', method: 'post', path: () => `/api/agreements/${id()}/parties`, body: { organizationId: '00000000-0000-4000-8000-000000000002', role: 'observer' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a party twice', method: 'post', path: () => `/api/agreements/${id()}/parties`, body: () => ({ organizationId: ministry.id, role: 'observer' }), status: 409, code: 'PARTY_EXISTS' },
      { does: 'removing a party responsible for commitments', method: 'delete', path: () => `/api/agreements/${id()}/parties/${ministry.id}`, status: 409, code: 'PARTY_HAS_COMMITMENTS' },
      { does: 'a reference code the lead organisation already uses', method: 'post', path: () => '/api/agreements', body: { title: 'T', kind: 'protocol', referenceCode: 'REF-TAKEN' }, status: 409, code: 'REFERENCE_CODE_TAKEN' },
      { does: 'a stale version', method: 'patch', path: () => `/api/agreements/${id()}`, body: { version: 7, summary: 'late' }, status: 409, code: 'VERSION_CONFLICT' },
    ];

    it.each(CASES)('$does → $status $code', async ({ method, path, body, status, code }) => {
      const before = await events(agreement.id);
      const portfolio = (await api(owner).get('/api/agreements?limit=200').expect(200)).body.items.length;
      const response = await api(owner)[method](path(), typeof body === 'function' ? body() : (body ?? {}));
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(await events(agreement.id)).toEqual(before);
      expect((await api(owner).get('/api/agreements?limit=200').expect(200)).body.items).toHaveLength(portfolio);
      const current = await api(owner).get(`/api/agreements/${agreement.id}`).expect(200);
      expect(current.body).toMatchObject({ version: 1, status: 'draft', parties: [{ organizationId: ministry.id, role: 'signatory' }] });
    });
  });

  describe('the portfolio', () => {
    let viewer: SignedIn;

    beforeAll(async () => {
      const admin = await signInAdmin(app);
      viewer = await createAccount(app, admin, province.id);
    });

    it('lists only the caller’s agreements, with exact figures, filters and keyset pages', async () => {
      const mine = await createAgreement(app, viewer, { kind: 'bilateral', thematicAreas: ['protection'], countries: ['AR', 'BO'], expiresOn: daysFromToday(100), nextReviewOn: daysFromToday(10) });
      await addParty(app, viewer, mine.id, province.id, 'signatory');
      await addParty(app, viewer, mine.id, ngo.id, 'implementing');
      const overdueOne = await createCommitment(app, viewer, mine.id, province.id, { dueOn: '2021-05-01' });
      await createCommitment(app, viewer, mine.id, ngo.id, { dueOn: daysFromToday(5) });
      await createCommitment(app, viewer, mine.id, ngo.id, { dueOn: daysFromToday(3) });
      const doneOne = await createCommitment(app, viewer, mine.id, province.id, { dueOn: '2021-01-01' });
      const blockedOne = await createCommitment(app, viewer, mine.id, province.id);
      await api(viewer).post(`/api/commitments/${doneOne.id}/progress`, { version: 1, note: 'Done', status: 'done' }).expect(201);
      await api(viewer).post(`/api/commitments/${blockedOne.id}/progress`, { version: 1, note: 'Stuck', status: 'blocked', blockedReason: 'Waiting for the ministry' }).expect(201);
      expect(overdueOne.overdue).toBe(true);
      const second = await createAgreement(app, viewer, { kind: 'protocol' });
      const third = await createAgreement(app, viewer, { kind: 'protocol' });
      // Someone else's agreement, with the viewer's organisation as a party: still not the viewer's.
      const theirs = await createAgreement(app, owner, { kind: 'bilateral' });
      await addParty(app, owner, theirs.id, province.id, 'signatory');

      const all = await api(viewer).get('/api/agreements').expect(200);
      expect(AgreementPageSchema.safeParse(all.body).error).toBeUndefined();
      expect(all.body.items.map((item: AgreementDto) => item.id)).toEqual([third.id, second.id, mine.id]);
      expect(all.body.items[2].figures).toEqual({
        commitmentsDone: 1,
        commitmentsTotal: 5,
        overdue: 1,
        blocked: 1,
        nextDueOn: daysFromToday(3),
        progressReported: null,
        progressVerified: null,
        daysToExpiry: 100,
        daysToReview: 10,
      });
      expect(all.body.items[0].figures).toEqual({ commitmentsDone: 0, commitmentsTotal: 0, overdue: 0, blocked: 0, nextDueOn: null, progressReported: null, progressVerified: null, daysToExpiry: null, daysToReview: null });

      const page1 = await api(viewer).get('/api/agreements?limit=2').expect(200);
      expect(page1.body.items.map((item: AgreementDto) => item.id)).toEqual([third.id, second.id]);
      const page2 = await api(viewer).get(`/api/agreements?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
      expect(page2.body).toEqual({ items: [expect.objectContaining({ id: mine.id })] });

      const ids = async (query: string) => (await api(viewer).get(`/api/agreements?${query}`).expect(200)).body.items.map((item: AgreementDto) => item.id);
      expect(await ids('kind=protocol')).toEqual([third.id, second.id]);
      expect(await ids('status=draft&kind=bilateral')).toEqual([mine.id]);
      expect(await ids(`partyOrganizationId=${ngo.id}`)).toEqual([mine.id]);
      expect(await ids('area=protection')).toEqual([mine.id]);
      expect(await ids('country=BO')).toEqual([mine.id]);
      expect(await ids('status=signed')).toEqual([]);
      expect((await api(viewer).get('/api/agreements?kind=treaty')).status).toBe(400);
    });
  });

  it('records every change as a catalogued event on the workspace log', async () => {
    const agreement = await signableAgreement(app, owner, ministry.id, { terms: 'T0' });
    await addParty(app, owner, agreement.id, province.id, 'implementing');
    const commitment = await createCommitment(app, owner, agreement.id, province.id);
    await api(owner).patch(`/api/commitments/${commitment.id}`, { version: 1, staffAssigned: 3 }).expect(200);
    await api(owner).post(`/api/commitments/${commitment.id}/progress`, { version: 2, note: 'Going', status: 'in_progress' }).expect(201);
    await api(owner).patch(`/api/agreements/${agreement.id}/parties/${province.id}`, { version: 1, role: 'observer' }).expect(200);
    const signed = await walk(app, owner, agreement, ['negotiation', 'signed']);
    await api(owner).post(`/api/agreements/${agreement.id}/amendments`, { version: signed.version, amendedOn: '2026-04-01', summary: 'S', terms: 'T1' }).expect(201);
    const extra = await addParty(app, owner, agreement.id, ngo.id, 'observer');
    await api(owner).delete(`/api/agreements/${agreement.id}/parties/${extra.organizationId}`).expect(204);

    const log = (await events(agreement.id)).filter((event) => !['workspace.created', 'member.added', 'board.created'].includes(event.type));
    expect(log.map((event) => `${event.type} ${event.entityType}`)).toEqual([
      'agreement.created agreement',
      'party.added party',
      'party.added party',
      'commitment.created commitment',
      'commitment.updated commitment',
      'commitment.progressed commitment',
      'party.updated party',
      'agreement.transitioned agreement',
      'agreement.transitioned agreement',
      'agreement.amended agreement',
      'party.added party',
      'party.removed party',
    ]);
    const progressed = log.find((event) => event.type === 'commitment.progressed');
    expect(progressed?.payload).toMatchObject({ commitment: { id: commitment.id, status: 'in_progress', staffAssigned: 3, version: 3 }, progress: { note: 'Going', statusTo: 'in_progress' } });
    const transitioned = log.filter((event) => event.type === 'agreement.transitioned').at(-1);
    expect(transitioned?.payload).toMatchObject({ agreement: { status: 'signed' }, transition: { from: 'negotiation', to: 'signed', actorId: owner.user.id } });
    expect(log.find((event) => event.type === 'party.removed')).toMatchObject({ entityId: ngo.id, payload: { agreementId: agreement.id, organizationId: ngo.id } });
    const verify = await api(owner).get(`/api/workspaces/${agreement.id}/audit/verify`).expect(200);
    expect(verify.body.ok).toBe(true);
  });
});
