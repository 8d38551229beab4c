import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  AssistanceSchema,
  JusticeEntrySchema,
  STAGE_TASKS,
  StageTemplateSchema,
  type AssistanceDto,
  type CaseDto,
  type DeliveredEvent,
  type OrganizationDto,
} from '@enlace/shared';
import { createAccount, createOrganization, signIn, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { defaultBoard } from '../factories/board.factory.js';
import { createCase, recordJustice, requestAssistance, stepAssistance, walkCase } from '../factories/case.factory.js';
import { addMember, invite } from '../factories/workspace.factory.js';
import { connectClient, settle, type RecordingClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('case tracks', () => {
  let app: TestApp;
  let admin: SignedIn;
  let ngo: OrganizationDto;
  let police: OrganizationDto;
  let owner: SignedIn;
  let coordinator: SignedIn;
  let contributor: SignedIn;
  let observer: SignedIn;
  let policeObserver: SignedIn;
  let policeContributor: SignedIn;
  const clients: RecordingClient[] = [];

  const api = (who: SignedIn) => ({
    get: (path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' }),
    post: (path: string, body?: object) => request(app.url).post(path).auth(who.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => request(app.url).patch(path).auth(who.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => request(app.url).put(path).auth(who.token, { type: 'bearer' }).send(body),
  });
  const db = () => app.app.get(DataSource);
  const eventTypes = async (caseId: string): Promise<string[]> =>
    (await db().query(`SELECT type FROM workspace_events WHERE workspace_id = $1 ORDER BY seq`, [caseId])).map((row: { type: string }) => row.type);
  const connect = async (who: SignedIn) => {
    const client = await connectClient(app.url, who.token);
    clients.push(client);
    return client;
  };

  /** A case of the NGO with the whole cast as members: the police people as observer and contributor. */
  async function staffedCase(): Promise<CaseDto> {
    const created = await createCase(app, owner);
    await addMember(app, owner, created.id, coordinator, 'coordinator');
    await addMember(app, owner, created.id, contributor, 'contributor');
    await addMember(app, owner, created.id, observer, 'observer');
    await addMember(app, owner, created.id, policeObserver, 'observer');
    await addMember(app, owner, created.id, policeContributor, 'contributor');
    return created;
  }

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    ngo = await createOrganization(app, admin, { kind: 'civil_society', name: 'Refugio Tracks', country: 'AR' });
    police = await createOrganization(app, admin, { kind: 'central_government', name: 'Policía Tracks', country: 'AR' });
    owner = await createAccount(app, admin, ngo.id);
    coordinator = await createAccount(app, admin, ngo.id);
    contributor = await createAccount(app, admin, ngo.id);
    observer = await createAccount(app, admin, ngo.id);
    policeObserver = await createAccount(app, admin, police.id);
    policeContributor = await createAccount(app, admin, police.id);
    await api(admin).patch(`/api/organizations/${police.id}`, { lawEnforcement: true }).expect(200);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => app.close());

  describe('the law-enforcement flag', () => {
    it('is set by platform administrators only, and recorded on the platform log', async () => {
      const unit = await createOrganization(app, admin, { name: 'Fiscalía Tracks' });
      const orgAdmin = await createAccount(app, admin, unit.id, { orgRole: 'org_admin' });
      expect((await api(orgAdmin).patch(`/api/organizations/${unit.id}`, { lawEnforcement: true })).status).toBe(403);
      expect((await api(admin).get(`/api/organizations/${unit.id}`).expect(200)).body.lawEnforcement).toBe(false);
      expect((await api(admin).patch(`/api/organizations/${unit.id}`, { lawEnforcement: true }).expect(200)).body.lawEnforcement).toBe(true);
      // Setting it again changes nothing and records nothing.
      await api(admin).patch(`/api/organizations/${unit.id}`, { lawEnforcement: true }).expect(200);
      const logged = await db().query(`SELECT payload, actor_id FROM platform_events WHERE type = 'organization.law_enforcement_set' AND entity_id = $1`, [unit.id]);
      expect(logged).toEqual([{ payload: { organizationId: unit.id, lawEnforcement: true }, actor_id: admin.user.id }]);
    });

    it('closes the live connections of the organisation’s people, who reconnect reading as their new audience', async () => {
      const unit = await createOrganization(app, admin, { name: 'Gendarmería Tracks' });
      const officer = await createAccount(app, admin, unit.id);
      const bystander = await createAccount(app, admin, ngo.id);
      const [officerLive, bystanderLive] = await Promise.all([connect(officer), connect(bystander)]);
      const closed = new Promise<void>((resolve) => officerLive.socket.once('disconnect', () => resolve()));
      await api(admin).patch(`/api/organizations/${unit.id}`, { lawEnforcement: true }).expect(200);
      await closed;
      await settle();
      expect(bystanderLive.socket.connected).toBe(true);
    });

    it('closes the live connections of a person whose request to join a law-enforcement organisation is approved', async () => {
      const created = await staffedCase();
      const policeAdmin = await createAccount(app, admin, police.id, { orgRole: 'org_admin' });
      // Invited with no organisation, they read the assistance track like any member.
      const invitation = await invite(app, owner, created.id, 'joining-officer@enlace.test', 'observer');
      await request(app.url).post(`/api/invitations/${invitation.token}/accept`).send({ displayName: 'Joining officer', password: 'a-long-enough-password' }).expect(200);
      const joining = await signIn(app, 'joining-officer@enlace.test', 'a-long-enough-password');
      await requestAssistance(app, owner, created.id, { service: 'health', note: 'Before joining' });
      expect((await api(joining).get(`/api/cases/${created.id}/assistance`)).status).toBe(200);
      const live = await connect(joining);
      expect(await live.subscribe(created.id)).toMatchObject({ ok: true });
      await api(joining).post('/api/me/organization-request', { organizationId: police.id }).expect(204);
      const [pending] = (await api(policeAdmin).get(`/api/organizations/${police.id}/join-requests`).expect(200)).body.items;

      const closed = new Promise<void>((resolve) => live.socket.once('disconnect', () => resolve()));
      await api(policeAdmin).post(`/api/organizations/${police.id}/join-requests/${pending.id}/approve`).expect(200);
      await closed;
      expect((await api(joining).get(`/api/cases/${created.id}/assistance`)).status).toBe(403);
      const again = await connect(joining);
      expect(await again.subscribe(created.id)).toMatchObject({ ok: true });
      await requestAssistance(app, owner, created.id, { service: 'shelter', note: 'After joining' });
      await again.waitFor(() => again.events.some((e) => e.type === 'assistance.requested'), 'the new service');
      expect(again.events.find((e) => e.type === 'assistance.requested')).toMatchObject({ redacted: true });
      expect(JSON.stringify(again.events)).not.toContain('After joining');
    });
  });

  describe('the assistance track', () => {
    it('records a service requested, given and ended, each a catalogued event with its dates', async () => {
      const created = await staffedCase();
      const requested = await requestAssistance(app, contributor, created.id, { service: 'health', requestedOn: '2026-03-02', providerOrganizationId: ngo.id, note: 'Check-up' });
      expect(AssistanceSchema.safeParse(requested).error).toBeUndefined();
      expect(requested).toMatchObject({ status: 'requested', startedOn: null, endedOn: null, providerOrganizationName: 'Refugio Tracks', version: 1, allowedTransitions: ['given', 'ended'] });
      const given = await stepAssistance(app, coordinator, requested, 'given', '2026-03-04');
      expect(given).toMatchObject({ status: 'given', startedOn: '2026-03-04', version: 2, allowedTransitions: ['ended'] });
      const ended = await stepAssistance(app, owner, given, 'ended', '2026-04-01');
      expect(ended).toMatchObject({ status: 'ended', startedOn: '2026-03-04', endedOn: '2026-04-01', version: 3, allowedTransitions: [] });
      const edited = await api(owner).patch(`/api/cases/${created.id}/assistance/${requested.id}`, { version: 3, note: 'Check-up and vaccines' }).expect(200);
      expect(edited.body).toMatchObject({ note: 'Check-up and vaccines', version: 4 });
      expect((await eventTypes(created.id)).filter((type) => type.startsWith('assistance.'))).toEqual(['assistance.requested', 'assistance.given', 'assistance.ended', 'assistance.updated']);
      expect((await api(observer).get(`/api/cases/${created.id}/assistance`).expect(200)).body.items).toEqual([edited.body]);
      // A service may also end without having been given.
      const declined = await requestAssistance(app, owner, created.id, { service: 'repatriation' });
      expect(await stepAssistance(app, owner, declined, 'ended', '2026-03-02')).toMatchObject({ status: 'ended', startedOn: null, endedOn: '2026-03-02' });
    });

    it('refuses an illegal step with 409 and the allowed ones, and a stale version with 409 and the current service; of two concurrent steps one wins', async () => {
      const created = await staffedCase();
      const service = await requestAssistance(app, owner, created.id);
      const ended = await stepAssistance(app, owner, service, 'ended', '2026-03-03');
      const again = await api(owner).post(`/api/cases/${created.id}/assistance/${service.id}/transitions`, { version: ended.version, to: 'given', on: '2026-03-04' }).expect(409);
      expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'ended', to: 'given', allowed: [] } });

      const other = await requestAssistance(app, owner, created.id, { service: 'legal_aid' });
      const [a, b] = await Promise.all([
        api(owner).post(`/api/cases/${created.id}/assistance/${other.id}/transitions`, { version: 1, to: 'given', on: '2026-03-04' }),
        api(coordinator).post(`/api/cases/${created.id}/assistance/${other.id}/transitions`, { version: 1, to: 'ended', on: '2026-03-04' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const won = (a.status === 200 ? a : b).body as AssistanceDto;
      const lost = a.status === 409 ? a : b;
      expect(lost.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id: other.id, version: 2, status: won.status } } });
      const types = (await eventTypes(created.id)).filter((type) => type === 'assistance.given' || type === 'assistance.ended');
      expect(types).toHaveLength(2); // the first service's end and the winner's step
    });

    it('lets a police observer see the case and the justice track but not the assistance track until an owner grants it, live and in catch-up', async () => {
      const created = await staffedCase();
      const [policeLive, observerLive] = await Promise.all([connect(policeObserver), connect(observer)]);
      expect(await policeLive.subscribe(created.id)).toMatchObject({ ok: true });
      expect(await observerLive.subscribe(created.id)).toMatchObject({ ok: true });

      const service = await requestAssistance(app, owner, created.id, { service: 'psychosocial', note: 'Talked about the recruiter' });
      const entry = await recordJustice(app, owner, created.id, { step: 'complaint', reference: 'EXP-123/2026' });
      await policeLive.waitFor(() => policeLive.events.some((e) => e.type === 'justice.recorded'), 'the justice entry');
      await observerLive.waitFor(() => observerLive.events.some((e) => e.type === 'justice.recorded'), 'the justice entry');
      const policeSaw = policeLive.events.find((e) => e.type === 'assistance.requested')!;
      expect(policeSaw).toMatchObject({ entityId: service.id, redacted: true });
      expect('payload' in policeSaw).toBe(false);
      expect(JSON.stringify(policeLive.events)).not.toContain('Talked about the recruiter');
      expect(policeLive.events.find((e) => e.type === 'justice.recorded')).toMatchObject({ payload: { id: entry.id, reference: 'EXP-123/2026' } });
      expect(observerLive.events.find((e) => e.type === 'assistance.requested')).toMatchObject({ payload: { note: 'Talked about the recruiter' } });

      expect((await api(policeObserver).get(`/api/cases/${created.id}/assistance`)).status).toBe(403);
      expect((await api(policeContributor).post(`/api/cases/${created.id}/assistance`, { service: 'shelter', requestedOn: '2026-03-02' })).status).toBe(403);
      await api(policeObserver).get(`/api/cases/${created.id}`).expect(200);
      expect((await api(policeObserver).get(`/api/cases/${created.id}/justice`).expect(200)).body.items).toEqual([entry]);
      const caughtUp: DeliveredEvent[] = (await api(policeObserver).get(`/api/workspaces/${created.id}/events?after=0&limit=500`).expect(200)).body.items;
      expect(caughtUp.find((e) => e.type === 'assistance.requested')).toMatchObject({ redacted: true });
      expect(JSON.stringify(caughtUp)).not.toContain('Talked about the recruiter');
      // The audit export holds every payload: not for them.
      expect((await api(policeObserver).get(`/api/workspaces/${created.id}/audit/export`)).status).toBe(403);

      // A coordinator may not grant it; an owner may, and from then on it arrives in full.
      await api(coordinator).patch(`/api/workspaces/${created.id}/members/${policeObserver.user.id}`, { assistanceAccess: true }).expect(403);
      const granted = await api(owner).patch(`/api/workspaces/${created.id}/members/${policeObserver.user.id}`, { assistanceAccess: true }).expect(200);
      expect(granted.body).toMatchObject({ assistanceAccess: true, lawEnforcement: true });
      await policeLive.waitFor(() => policeLive.events.some((e) => e.type === 'member.updated'), 'the grant');
      const given = await stepAssistance(app, owner, service, 'given', '2026-03-06');
      await policeLive.waitFor(() => policeLive.events.some((e) => e.type === 'assistance.given'), 'the step');
      expect(policeLive.events.find((e) => e.type === 'assistance.given')).toMatchObject({ payload: { id: service.id, status: 'given', note: 'Talked about the recruiter' } });
      expect((await api(policeObserver).get(`/api/cases/${created.id}/assistance`).expect(200)).body.items).toEqual([given]);
      const workspace = await api(policeObserver).get(`/api/workspaces/${created.id}`).expect(200);
      expect(workspace.body).toMatchObject({ myAssistanceAccess: true, myLawEnforcement: true });
      // The grant lets them read, not write: they are an observer.
      expect((await api(policeObserver).post(`/api/cases/${created.id}/assistance`, { service: 'health', requestedOn: '2026-03-02' })).status).toBe(403);
    });
  });

  describe('a law-enforcement contributor, per assistance route', () => {
    const routes = [
      { route: 'GET …/assistance', call: (who: SignedIn, f: AssistanceDto) => api(who).get(`/api/cases/${f.caseId}/assistance`), ok: 200 },
      { route: 'POST …/assistance', call: (who: SignedIn, f: AssistanceDto) => api(who).post(`/api/cases/${f.caseId}/assistance`, { service: 'health', requestedOn: '2026-03-02' }), ok: 201 },
      { route: 'PATCH …/assistance/:serviceId', call: (who: SignedIn, f: AssistanceDto) => api(who).patch(`/api/cases/${f.caseId}/assistance/${f.id}`, { version: 1, note: 'x' }), ok: 200 },
      {
        route: 'POST …/assistance/:serviceId/transitions',
        call: (who: SignedIn, f: AssistanceDto) => api(who).post(`/api/cases/${f.caseId}/assistance/${f.id}/transitions`, { version: 1, to: 'given', on: '2026-03-04' }),
        ok: 200,
      },
      { route: 'GET …/justice', call: (who: SignedIn, f: AssistanceDto) => api(who).get(`/api/cases/${f.caseId}/justice`), ok: 200, always: true },
    ];
    it.each(routes.flatMap((row) => [false, true].map((granted) => ({ ...row, granted }))))('$route with the grant: $granted', async ({ call, ok, granted, always }) => {
      const created = await staffedCase();
      const service = await requestAssistance(app, owner, created.id);
      if (granted) await api(owner).patch(`/api/workspaces/${created.id}/members/${policeContributor.user.id}`, { assistanceAccess: true }).expect(200);
      const before = await eventTypes(created.id);
      const response = await call(policeContributor, service);
      expect({ status: response.status, code: response.body.code }).toEqual(granted || always ? { status: ok, code: undefined } : { status: 403, code: 'FORBIDDEN' });
      if (!granted && !always) expect(await eventTypes(created.id)).toEqual(before);
    });
  });

  describe('the criminal-justice track', () => {
    it('records dated entries that editors change with their version and every member reads', async () => {
      const created = await staffedCase();
      const complaint = await recordJustice(app, policeContributor, created.id, { step: 'complaint', on: '2026-03-03', authorityOrganizationId: police.id });
      expect(JusticeEntrySchema.safeParse(complaint).error).toBeUndefined();
      expect(complaint).toMatchObject({ step: 'complaint', on: '2026-03-03', authorityOrganizationName: 'Policía Tracks', version: 1, createdBy: policeContributor.user.id });
      await recordJustice(app, owner, created.id, { step: 'investigation', on: '2026-03-10' });
      const edited = await api(coordinator).patch(`/api/cases/${created.id}/justice/${complaint.id}`, { version: 1, reference: 'EXP-9/2026' }).expect(200);
      expect(edited.body).toMatchObject({ reference: 'EXP-9/2026', version: 2 });
      const stale = await api(owner).patch(`/api/cases/${created.id}/justice/${complaint.id}`, { version: 1, note: 'Late' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2, reference: 'EXP-9/2026' } } });
      expect((await api(observer).post(`/api/cases/${created.id}/justice`, { step: 'outcome', on: '2026-05-01' })).status).toBe(403);
      const listed = (await api(observer).get(`/api/cases/${created.id}/justice`).expect(200)).body.items;
      expect(listed.map((e: { step: string }) => e.step)).toEqual(['complaint', 'investigation']);
      expect((await eventTypes(created.id)).filter((type) => type.startsWith('justice.'))).toEqual(['justice.recorded', 'justice.recorded', 'justice.updated']);
    });
  });

  describe('stage templates', () => {
    it('an organisation’s admins adapt a stage’s tasks; its cases entering the stage get them once; others keep the defaults', async () => {
      const shelter = await createOrganization(app, admin, { name: 'Hogar Plantillas' });
      const shelterAdmin = await createAccount(app, admin, shelter.id, { orgRole: 'org_admin' });
      const worker = await createAccount(app, admin, shelter.id);
      const path = `/api/organizations/${shelter.id}/stage-templates/assessment/es`;
      const defaults = await api(shelterAdmin).get(path).expect(200);
      expect(StageTemplateSchema.safeParse(defaults.body).error).toBeUndefined();
      expect(defaults.body).toEqual({ organizationId: shelter.id, stage: 'assessment', locale: 'es', tasks: [...STAGE_TASKS.es.assessment], adapted: false, version: 0 });
      const tasks = ['Entrevista de evaluación con la psicóloga', 'Plan de seguridad con la persona', 'Revisar el plan a los 15 días'];
      expect((await api(worker).put(path, { version: 0, tasks })).status).toBe(403);
      expect((await api(owner).put(path, { version: 0, tasks })).status).toBe(403);
      expect((await api(admin).put(path, { version: 0, tasks })).status).toBe(403);
      const adapted = await api(shelterAdmin).put(path, { version: 0, tasks }).expect(200);
      expect(adapted.body).toMatchObject({ tasks, adapted: true, version: 1 });
      expect((await api(shelterAdmin).put(path, { version: 0, tasks: ['Otra'] })).body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { tasks, version: 1 } } });

      const titles = async (caseId: string) => (await defaultBoard(app, worker, caseId)).cards.map((card) => card.title);
      const created = await request(app.url).post('/api/cases').auth(worker.token, { type: 'bearer' }).set('Accept-Language', 'es').send({ title: 'Caso adaptado' }).expect(201);
      const moved = await request(app.url)
        .post(`/api/cases/${created.body.id}/transitions`)
        .auth(worker.token, { type: 'bearer' })
        .set('Accept-Language', 'es')
        .send({ version: 1, to: 'assessment' })
        .expect(200);
      expect(await titles(created.body.id)).toEqual([...STAGE_TASKS.es.identified, ...tasks]);
      await walkCase(app, worker, moved.body, ['closed']);
      expect(await titles(created.body.id)).toEqual([...STAGE_TASKS.es.identified, ...tasks]);
      // Another language, or another organisation's case, keeps the defaults.
      const english = await walkCase(app, worker, await createCase(app, worker), ['assessment']);
      expect((await titles(english.id)).slice(-STAGE_TASKS.en.assessment.length)).toEqual([...STAGE_TASKS.en.assessment]);
      const ngoCase = await request(app.url).post('/api/cases').auth(owner.token, { type: 'bearer' }).set('Accept-Language', 'es').send({ title: 'Otro' }).expect(201);
      await request(app.url).post(`/api/cases/${ngoCase.body.id}/transitions`).auth(owner.token, { type: 'bearer' }).set('Accept-Language', 'es').send({ version: 1, to: 'assessment' }).expect(200);
      expect((await defaultBoard(app, owner, ngoCase.body.id)).cards.map((card) => card.title).slice(-2)).toEqual([...STAGE_TASKS.es.assessment]);

      // Back to the defaults, recorded on the platform log each time.
      const reset = await api(shelterAdmin).put(path, { version: 1, tasks: null }).expect(200);
      expect(reset.body).toMatchObject({ tasks: [...STAGE_TASKS.es.assessment], adapted: false, version: 2 });
      // The version counts on through a reset: an editor still holding version 1 cannot save over a newer adaptation.
      await api(shelterAdmin).put(path, { version: 2, tasks: ['Nueva'] }).expect(200);
      expect((await api(shelterAdmin).put(path, { version: 1, tasks: ['Vieja'] })).body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { tasks: ['Nueva'], version: 3 } } });
      await api(shelterAdmin).put(path, { version: 3, tasks: null }).expect(200);
      const logged = await db().query(`SELECT payload FROM platform_events WHERE type = 'organization.stage_template_set' AND entity_id = $1 ORDER BY seq`, [shelter.id]);
      expect(logged.map((row: { payload: { tasks: string[] | null } }) => row.payload.tasks)).toEqual([tasks, null, ['Nueva'], null]);
    });
  });

  describe('bad input changes nothing', () => {
    let created: CaseDto;
    let service: AssistanceDto;
    let entryId: string;
    let ngoAdmin: SignedIn;
    beforeAll(async () => {
      ngoAdmin = await createAccount(app, admin, ngo.id, { orgRole: 'org_admin' });
      created = await staffedCase();
      service = await requestAssistance(app, owner, created.id, { requestedOn: '2026-03-02' });
      entryId = (await recordJustice(app, owner, created.id)).id;
    });

    async function snapshot(caseId: string): Promise<string> {
      const [row] = await db().query(
        `SELECT (SELECT count(*) FROM workspace_events WHERE workspace_id = $1) AS events,
                (SELECT json_agg(a ORDER BY a.id) FROM case_assistance_services a WHERE case_id = $1) AS assistance,
                (SELECT json_agg(j ORDER BY j.id) FROM case_justice_entries j WHERE case_id = $1) AS justice,
                (SELECT json_agg(t) FROM organization_stage_templates t) AS templates,
                (SELECT json_agg(m ORDER BY m.user_id) FROM workspace_members m WHERE workspace_id = $1) AS members,
                (SELECT json_agg(o.law_enforcement ORDER BY o.id) FROM organizations o) AS flags`,
        [caseId],
      );
      return JSON.stringify(row);
    }

    const assistance = (suffix = '') => `/api/cases/{case}/assistance${suffix}`;
    const table: Array<{ does: string; method: 'post' | 'patch' | 'put'; path: string; body: object; status: number; code: string; as?: 'admin' | 'owner' }> = [
      { does: 'an unknown service', method: 'post', path: assistance(), body: { service: 'housing', requestedOn: '2026-03-02' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a request without a date', method: 'post', path: assistance(), body: { service: 'shelter' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a day that does not exist', method: 'post', path: assistance(), body: { service: 'shelter', requestedOn: '2026-02-30' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown provider organisation', method: 'post', path: assistance(), body: { service: 'shelter', requestedOn: '2026-03-02', providerOrganizationId: '00000000-0000-4000-8000-000000000000' }, status: 404, code: 'NOT_FOUND' },
      { does: 'the status through a request', method: 'post', path: assistance(), body: { service: 'shelter', requestedOn: '2026-03-02', status: 'given' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a sensitive field on a service', method: 'post', path: assistance(), body: { service: 'shelter', requestedOn: '2026-03-02', exactLocation: 'Calle 1' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'the status through PATCH', method: 'patch', path: assistance('/{service}'), body: { version: 1, status: 'ended' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an empty PATCH', method: 'patch', path: assistance('/{service}'), body: { version: 1 }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown step', method: 'post', path: assistance('/{service}/transitions'), body: { version: 1, to: 'requested', on: '2026-03-03' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a step before the request', method: 'post', path: assistance('/{service}/transitions'), body: { version: 1, to: 'given', on: '2026-03-01' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a stale version', method: 'post', path: assistance('/{service}/transitions'), body: { version: 7, to: 'given', on: '2026-03-03' }, status: 409, code: 'VERSION_CONFLICT' },
      { does: 'a service id that is not one', method: 'post', path: '/api/cases/{case}/assistance/not-an-id/transitions', body: { version: 1, to: 'given', on: '2026-03-03' }, status: 404, code: 'NOT_FOUND' },
      { does: 'an unknown service id', method: 'patch', path: '/api/cases/{case}/assistance/00000000-0000-4000-8000-000000000000', body: { version: 1, note: 'x' }, status: 404, code: 'NOT_FOUND' },
      { does: 'an unknown justice step', method: 'post', path: '/api/cases/{case}/justice', body: { step: 'arrest', on: '2026-03-03' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an empty reference', method: 'post', path: '/api/cases/{case}/justice', body: { step: 'complaint', on: '2026-03-03', reference: '' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a stale justice version', method: 'patch', path: '/api/cases/{case}/justice/{entry}', body: { version: 3, note: 'x' }, status: 409, code: 'VERSION_CONFLICT' },
      { does: 'an unknown authority', method: 'patch', path: '/api/cases/{case}/justice/{entry}', body: { version: 1, authorityOrganizationId: '00000000-0000-4000-8000-000000000000' }, status: 404, code: 'NOT_FOUND' },
      { does: 'a grant that is not a boolean', method: 'patch', path: '/api/workspaces/{case}/members/{police}', body: { assistanceAccess: 'yes' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a flag that is not a boolean', method: 'patch', path: '/api/organizations/{policeOrg}', body: { lawEnforcement: 1 }, status: 400, code: 'VALIDATION_FAILED', as: 'admin' },
      { does: 'a template of an unknown stage', method: 'put', path: '/api/organizations/{ngo}/stage-templates/trial/es', body: { version: 0, tasks: ['x'] }, status: 404, code: 'NOT_FOUND' },
      { does: 'a template of an unknown language', method: 'put', path: '/api/organizations/{ngo}/stage-templates/assessment/de', body: { version: 0, tasks: ['x'] }, status: 404, code: 'NOT_FOUND' },
      { does: 'an empty task', method: 'put', path: '/api/organizations/{ngo}/stage-templates/assessment/es', body: { version: 0, tasks: [' '] }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a template without a version', method: 'put', path: '/api/organizations/{ngo}/stage-templates/assessment/es', body: { tasks: ['x'] }, status: 400, code: 'VALIDATION_FAILED' },
    ];
    it.each(table)('$does → $status $code', async ({ method, path, body, status, code, as }) => {
      const caller = as === 'admin' ? admin : path.includes('stage-templates') ? ngoAdmin : owner;
      const url = path
        .replace('{case}', created.id)
        .replace('{service}', service.id)
        .replace('{entry}', entryId)
        .replace('{police}', policeObserver.user.id)
        .replace('{policeOrg}', police.id)
        .replace('{ngo}', ngo.id);
      const before = await snapshot(created.id);
      const response = await api(caller)[method](url, body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(await snapshot(created.id)).toBe(before);
    });
  });
});
