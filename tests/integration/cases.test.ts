import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  CASE_STAGES,
  CASE_STAGE_TRANSITIONS,
  CaseSchema,
  SENSITIVE_FIELDS,
  STAGE_TASKS,
  SensitiveRecordSchema,
  type CaseDto,
  type CaseStage,
  type OrganizationDto,
  type SensitiveField,
  type WorkspaceEvent,
} from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { defaultBoard } from '../factories/board.factory.js';
import { createCase, walkCase } from '../factories/case.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The shortest legal path from identified to each stage. */
const PATH_TO: Record<CaseStage, CaseStage[]> = {
  identified: [],
  assessment: ['assessment'],
  assistance: ['assessment', 'assistance'],
  inclusion: ['assessment', 'assistance', 'inclusion'],
  return: ['assessment', 'assistance', 'return'],
  closed: ['closed'],
};

const VALUES: Record<SensitiveField, string> = {
  alias: 'Rosa',
  ageOrBirthYear: 'born about 1999', // distinctive: a bare year may occur inside an id
  nationality: 'Paraguaya',
  contact: '+54 9 11 5555-0000',
  exactLocation: 'Calle Falsa 123, Salta',
  restrictedNotes: 'Threatened by the recruiter',
};

describe('cases', () => {
  let app: TestApp;
  let ngo: OrganizationDto;
  let ministry: OrganizationDto;
  let admin: SignedIn;
  let owner: SignedIn;
  let coordinator: SignedIn;
  let contributor: SignedIn;
  let observer: SignedIn;
  let outsider: SignedIn;

  const api = (who: SignedIn) => ({
    get: (path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' }),
    post: (path: string, body?: object) => request(app.url).post(path).auth(who.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => request(app.url).patch(path).auth(who.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => request(app.url).put(path).auth(who.token, { type: 'bearer' }).send(body),
  });
  const db = () => app.app.get(DataSource);

  async function events(workspaceId: string): Promise<WorkspaceEvent[]> {
    const rows: Array<{ seq: string; type: string; payload: unknown; actor_id: string }> = await db().query(
      `SELECT seq, type, payload, actor_id FROM workspace_events WHERE workspace_id = $1 ORDER BY seq`,
      [workspaceId],
    );
    return rows.map((row) => ({ seq: Number(row.seq), type: row.type, payload: row.payload, actorId: row.actor_id }) as unknown as WorkspaceEvent);
  }

  /** Counts every row the case's requests could have changed, to show a refused request changed nothing. */
  async function snapshot(caseId: string): Promise<string> {
    const [row] = await db().query(
      `SELECT (SELECT count(*) FROM workspace_events WHERE workspace_id = $1) AS events,
              (SELECT row_to_json(c) FROM cases c WHERE workspace_id = $1) AS record,
              (SELECT count(*) FROM case_sensitive_fields WHERE case_id = $1) AS sealed,
              (SELECT count(*) FROM case_consents WHERE case_id = $1) AS consents,
              (SELECT count(*) FROM referrals WHERE case_id = $1) AS referrals,
              (SELECT count(*) FROM workspace_members WHERE workspace_id = $1) AS members`,
      [caseId],
    );
    return JSON.stringify(row);
  }

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    ngo = await createOrganization(app, admin, { kind: 'civil_society', name: 'Fundación Refugio', country: 'AR' });
    ministry = await createOrganization(app, admin, { kind: 'central_government', name: 'Ministerio', country: 'UY' });
    owner = await createAccount(app, admin, ngo.id);
    coordinator = await createAccount(app, admin, ngo.id);
    contributor = await createAccount(app, admin, ministry.id);
    observer = await createAccount(app, admin, ministry.id);
    outsider = await createAccount(app, admin, ngo.id);
  });
  afterAll(() => app.close());

  describe('the record', () => {
    it('POST /api/cases creates the workspace, its record and code together, with a case.created event', async () => {
      const created = await createCase(app, owner, { title: 'Caso 1', exploitationTypes: ['labour', 'sexual'], riskLevel: 'high', identifiedOn: '2026-03-02', cooperatesWithAuthorities: false });
      expect(CaseSchema.safeParse(created).error).toBeUndefined();
      const year = new Date().getUTCFullYear();
      expect(created).toMatchObject({ title: 'Caso 1', country: 'AR', stage: 'identified', leadOrganizationId: ngo.id, riskLevel: 'high', identifiedOn: '2026-03-02', version: 1, allowedTransitions: ['assessment', 'closed'] });
      expect(created.code).toMatch(new RegExp(`^AR-${year}-\\d{4}$`));
      const workspace = await api(owner).get(`/api/workspaces/${created.id}`).expect(200);
      expect(workspace.body).toMatchObject({ kind: 'case', myRole: 'owner' });
      const logged = (await events(created.id)).find((event) => event.type === 'case.created');
      expect(logged?.payload).toMatchObject({ code: created.code, stage: 'identified' });
    });

    it('the generic POST /api/workspaces {kind: case} gets a record with the organisation’s country; other kinds get none', async () => {
      const workspace = await createWorkspace(app, contributor, { kind: 'case', title: 'Caso genérico' });
      const record = await api(contributor).get(`/api/cases/${workspace.id}`).expect(200);
      expect(record.body).toMatchObject({ id: workspace.id, country: 'UY', stage: 'identified', exploitationTypes: [], riskLevel: 'unknown' });
      expect(record.body.code).toMatch(/^UY-\d{4}-\d{4}$/);
      const coordination = await createWorkspace(app, contributor, { kind: 'coordination' });
      await api(contributor).get(`/api/cases/${coordination.id}`).expect(404);
    });

    it('gives 20 concurrent creates in one country 20 distinct consecutive codes, and never hands one out again', async () => {
      const created = await Promise.all(Array.from({ length: 20 }, (_, i) => api(owner).post('/api/cases', { title: `Caso ${i}`, country: 'BO' })));
      expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
      const numbers = created.map((response) => Number((response.body as CaseDto).code.split('-')[2])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      // A case whose workspace is archived keeps its number: the next one is 21.
      const first = created[0].body as CaseDto;
      const workspace = (await api(owner).get(`/api/workspaces/${first.id}`).expect(200)).body;
      await api(owner).patch(`/api/workspaces/${first.id}`, { version: workspace.version, status: 'archived' }).expect(200);
      const next = await createCase(app, owner, { country: 'BO' });
      expect(next.code.endsWith('-0021')).toBe(true);
    });

    it('refuses a stale version with 409 and the current case; of two concurrent edits exactly one wins', async () => {
      const created = await createCase(app, owner);
      await addMember(app, owner, created.id, coordinator, 'coordinator');
      const [a, b] = await Promise.all([
        api(owner).patch(`/api/cases/${created.id}`, { version: 1, riskLevel: 'low' }),
        api(coordinator).patch(`/api/cases/${created.id}`, { version: 1, riskLevel: 'high' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const lost = a.status === 409 ? a : b;
      const won = a.status === 200 ? a : b;
      expect(lost.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2, riskLevel: won.body.riskLevel } } });
      expect((await events(created.id)).filter((event) => event.type === 'case.updated')).toHaveLength(1);
    });

    it('non-members and platform admins get 404; the list holds only the caller’s cases', async () => {
      const created = await createCase(app, owner);
      await api(outsider).get(`/api/cases/${created.id}`).expect(404);
      await api(admin).get(`/api/cases/${created.id}`).expect(404);
      expect((await api(outsider).get('/api/cases?limit=200').expect(200)).body.items.map((item: CaseDto) => item.id)).not.toContain(created.id);
      expect((await api(owner).get('/api/cases?limit=200').expect(200)).body.items.map((item: CaseDto) => item.id)).toContain(created.id);
    });
  });

  describe('stage templates', () => {
    it('entering a stage adds its standard tasks to the board once, in the language of whoever moves the case', async () => {
      const created = await request(app.url).post('/api/cases').auth(owner.token, { type: 'bearer' }).set('Accept-Language', 'es').send({ title: 'Caso plantilla' }).expect(201);
      const titles = async () => (await defaultBoard(app, owner, created.body.id)).cards.map((card) => card.title);
      expect(await titles()).toEqual(STAGE_TASKS.es.identified);
      const moved = await request(app.url)
        .post(`/api/cases/${created.body.id}/transitions`)
        .auth(owner.token, { type: 'bearer' })
        .set('Accept-Language', 'fr')
        .send({ version: 1, to: 'assessment' })
        .expect(200);
      expect(await titles()).toEqual([...STAGE_TASKS.es.identified, ...STAGE_TASKS.fr.assessment]);
      // A refused move adds nothing; closing has no tasks.
      await api(owner).post(`/api/cases/${created.body.id}/transitions`, { version: moved.body.version, to: 'inclusion' }).expect(409);
      await walkCase(app, owner, moved.body, ['closed']);
      expect(await titles()).toHaveLength(STAGE_TASKS.es.identified.length + STAGE_TASKS.fr.assessment.length);
      const created2 = (await events(created.body.id)).filter((event) => event.type === 'card.created');
      expect(created2).toHaveLength(5);
    });
  });

  describe('reflection and recovery period', () => {
    const today = () => new Date().toISOString().slice(0, 10);

    it('lasts the country’s setting (30 days by default), counts down, and a later setting leaves running periods alone', async () => {
      const before = await createCase(app, owner, { country: 'PE' });
      const started = await api(owner).patch(`/api/cases/${before.id}`, { version: 1, reflectionStartedOn: '2026-03-01' }).expect(200);
      expect(started.body.reflection).toEqual({ startsOn: '2026-03-01', days: 30, endsOn: '2026-03-30' });
      expect((await api(owner).get('/api/case-settings/PE').expect(200)).body).toEqual({ country: 'PE', reflectionDays: 30 });

      await api(owner).put('/api/case-settings/PE', { reflectionDays: 45 }).expect(403);
      await api(admin).put('/api/case-settings/PE', { reflectionDays: 45 }).expect(200);
      const after = await createCase(app, owner, { country: 'PE', reflectionStartedOn: today() });
      expect(after.reflection).toMatchObject({ startsOn: today(), days: 45 });
      expect(after.reflectionDaysLeft).toBe(45);
      const end = new Date(`${today()}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 44);
      expect(after.reflection?.endsOn).toBe(end.toISOString().slice(0, 10));
      expect((await api(owner).get(`/api/cases/${before.id}`).expect(200)).body).toMatchObject({ reflection: { days: 30, endsOn: '2026-03-30' } });
      const cleared = await api(owner).patch(`/api/cases/${before.id}`, { version: 2, reflectionStartedOn: null }).expect(200);
      expect(cleared.body).toMatchObject({ reflection: null, reflectionDaysLeft: null });
    });

    it('refuses an unknown country or length', async () => {
      await api(admin).put('/api/case-settings/pe', { reflectionDays: 45 }).expect(404);
      expect((await api(admin).put('/api/case-settings/PE', { reflectionDays: 0 })).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('stages', () => {
    const pairs = CASE_STAGES.flatMap((from) => CASE_STAGES.map((to) => ({ from, to, legal: CASE_STAGE_TRANSITIONS[from].includes(to) })));

    it.each(pairs)('$from → $to is legal: $legal', async ({ from, to, legal }) => {
      const start = await walkCase(app, owner, await createCase(app, owner), PATH_TO[from]);
      const before = await snapshot(start.id);
      const response = await api(owner).post(`/api/cases/${start.id}/transitions`, { version: start.version, to, reason: 'Team decision' });
      const history = (await api(owner).get(`/api/cases/${start.id}/transitions`).expect(200)).body.items;
      if (legal) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ stage: to, version: start.version + 1, allowedTransitions: CASE_STAGE_TRANSITIONS[to] });
        expect(history.at(-1)).toMatchObject({ from, to, reason: 'Team decision', actorId: owner.user.id });
        expect(response.body.closedAt === null).toBe(to !== 'closed');
      } else {
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from, to, allowed: CASE_STAGE_TRANSITIONS[from] } });
        expect(history).toHaveLength(PATH_TO[from].length);
        expect(await snapshot(start.id)).toBe(before);
      }
    });

    it('closing ends the memberships of contributors and observers of other organisations; the own organisation stays', async () => {
      const created = await createCase(app, owner);
      await addMember(app, owner, created.id, coordinator, 'coordinator');
      await addMember(app, owner, created.id, contributor, 'contributor');
      await addMember(app, owner, created.id, observer, 'observer');
      await addMember(app, owner, created.id, outsider, 'observer'); // same organisation as the owner
      await walkCase(app, owner, created, ['closed']);
      const members = (await api(owner).get(`/api/workspaces/${created.id}/members`).expect(200)).body.items.map((m: { userId: string }) => m.userId).sort();
      expect(members).toEqual([owner.user.id, coordinator.user.id, outsider.user.id].sort());
      await api(contributor).get(`/api/cases/${created.id}`).expect(404);
      const removed = (await events(created.id)).filter((event) => event.type === 'member.removed').map((event) => (event.payload as { userId: string }).userId);
      expect(removed.sort()).toEqual([contributor.user.id, observer.user.id].sort());
    });
  });

  describe('sensitive fields', () => {
    it('are sealed at rest, never in a case response, list or event; each read appends exactly one audit event', async () => {
      const created = await createCase(app, owner);
      const written = await api(owner).put(`/api/cases/${created.id}/sensitive`, { version: 1, fields: VALUES }).expect(200);
      expect(written.body).toEqual({ caseId: created.id, version: 2, changed: [...SENSITIVE_FIELDS] });
      const sealed: Array<{ ciphertext: Buffer }> = await db().query(`SELECT ciphertext FROM case_sensitive_fields WHERE case_id = $1`, [created.id]);
      expect(sealed).toHaveLength(6);
      for (const { ciphertext } of sealed) for (const value of Object.values(VALUES)) expect(ciphertext.includes(Buffer.from(value))).toBe(false);

      const before = (await events(created.id)).length;
      const read = await api(owner).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Preparing the safety plan' }).expect(200);
      expect(SensitiveRecordSchema.safeParse(read.body).error).toBeUndefined();
      expect(read.body).toEqual({ caseId: created.id, version: 2, fields: VALUES, erased: false });
      const some = await api(owner).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Calling her', fields: ['contact'] }).expect(200);
      expect(some.body.fields).toEqual({ contact: VALUES.contact });
      const after = await events(created.id);
      const views = after.slice(before);
      expect(views.map((event) => event.type)).toEqual(['case.sensitive_viewed', 'case.sensitive_viewed']);
      expect(views[0].payload).toEqual({ caseId: created.id, readerId: owner.user.id, fields: [...SENSITIVE_FIELDS], reason: 'Preparing the safety plan' });
      expect(views[1].payload).toEqual({ caseId: created.id, readerId: owner.user.id, fields: ['contact'], reason: 'Calling her' });

      const changed = after.find((event) => event.type === 'case.sensitive_changed')!;
      expect((changed.payload as { fields: Array<{ field: string; digest: string }> }).fields.map((f) => f.field)).toEqual([...SENSITIVE_FIELDS]);
      const log = JSON.stringify(after);
      for (const value of Object.values(VALUES)) expect(log).not.toContain(value);
      const record = JSON.stringify((await api(owner).get(`/api/cases/${created.id}`).expect(200)).body);
      const list = JSON.stringify((await api(owner).get('/api/cases?limit=200').expect(200)).body);
      for (const value of Object.values(VALUES)) {
        expect(record).not.toContain(value);
        expect(list).not.toContain(value);
      }
    });

    it('a write with a stale version gets 409 without values; null clears a field', async () => {
      const created = await createCase(app, owner);
      await api(owner).put(`/api/cases/${created.id}/sensitive`, { version: 1, fields: { alias: 'Ana' } }).expect(200);
      const stale = await api(owner).put(`/api/cases/${created.id}/sensitive`, { version: 1, fields: { alias: 'Otra' } }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { caseId: created.id, version: 2 } } });
      expect(JSON.stringify(stale.body)).not.toContain('Ana');
      await api(owner).put(`/api/cases/${created.id}/sensitive`, { version: 2, fields: { alias: null } }).expect(200);
      const read = await api(owner).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Checking', fields: ['alias'] }).expect(200);
      expect(read.body.fields).toEqual({ alias: null });
    });

    it('owners list who viewed (reader, fields, reason, never values); nobody else may', async () => {
      const created = await createCase(app, owner);
      await addMember(app, owner, created.id, coordinator, 'coordinator');
      await api(owner).put(`/api/cases/${created.id}/sensitive`, { version: 1, fields: { contact: VALUES.contact } }).expect(200);
      await api(coordinator).post(`/api/cases/${created.id}/sensitive/views`, { reason: 'Arranging transport', fields: ['contact'] }).expect(200);
      const views = await api(owner).get(`/api/cases/${created.id}/sensitive/views`).expect(200);
      expect(views.body.items).toHaveLength(1);
      expect(views.body.items[0]).toMatchObject({ readerId: coordinator.user.id, fields: ['contact'], reason: 'Arranging transport' });
      expect(JSON.stringify(views.body)).not.toContain(VALUES.contact);
      expect((await api(coordinator).get(`/api/cases/${created.id}/sensitive/views`)).status).toBe(403);
      expect((await api(admin).get(`/api/cases/${created.id}/sensitive/views`)).status).toBe(404);
    });
  });

  describe('field-level matrix', () => {
    type Who = 'owner' | 'coordinator' | 'contributorWithGrant' | 'contributor' | 'observer' | 'nonMember' | 'platformAdmin';
    const EXPECTED: Record<Who, { read: number; write: number }> = {
      owner: { read: 200, write: 200 },
      coordinator: { read: 200, write: 200 },
      contributorWithGrant: { read: 200, write: 200 },
      contributor: { read: 403, write: 403 },
      observer: { read: 403, write: 403 },
      nonMember: { read: 404, write: 404 },
      platformAdmin: { read: 404, write: 404 },
    };
    let caseId: string;
    let people: Record<Who, SignedIn>;
    let version = 1;

    beforeAll(async () => {
      const granted = await createAccount(app, admin, ministry.id);
      people = { owner, coordinator, contributorWithGrant: granted, contributor, observer, nonMember: outsider, platformAdmin: admin };
      caseId = (await createCase(app, owner)).id;
      await addMember(app, owner, caseId, coordinator, 'coordinator');
      await addMember(app, owner, caseId, granted, 'contributor');
      await addMember(app, owner, caseId, contributor, 'contributor');
      await addMember(app, owner, caseId, observer, 'observer');
      await api(owner).patch(`/api/workspaces/${caseId}/members/${granted.user.id}`, { sensitiveAccess: true }).expect(200);
      version = (await api(owner).put(`/api/cases/${caseId}/sensitive`, { version: 1, fields: VALUES }).expect(200)).body.version;
    });

    const rows = (Object.keys(EXPECTED) as Who[]).flatMap((who) => SENSITIVE_FIELDS.map((field) => ({ who, field, ...EXPECTED[who] })));
    it.each(rows)('$who: read $field → $read, write $field → $write', async ({ who, field, read, write }) => {
      const before = (await events(caseId)).length;
      const viewed = await api(people[who]).post(`/api/cases/${caseId}/sensitive/views`, { reason: 'Matrix check', fields: [field] });
      expect(viewed.status).toBe(read);
      if (read === 200) expect(viewed.body.fields).toEqual({ [field]: VALUES[field] });
      else expect(JSON.stringify(viewed.body)).not.toContain(VALUES[field]);
      const wrote = await api(people[who]).put(`/api/cases/${caseId}/sensitive`, { version, fields: { [field]: VALUES[field] } });
      expect(wrote.status).toBe(write);
      if (write === 200) version = wrote.body.version;
      const added = (await events(caseId)).slice(before).map((event) => event.type);
      expect(added).toEqual([...(read === 200 ? ['case.sensitive_viewed'] : []), ...(write === 200 ? ['case.sensitive_changed'] : [])]);
    });

    it('an observer’s and a platform admin’s catch-up never carries a sensitive value', async () => {
      const seen = await api(observer).get(`/api/workspaces/${caseId}/events?after=0&limit=500`).expect(200);
      for (const value of Object.values(VALUES)) expect(JSON.stringify(seen.body)).not.toContain(value);
      const changed = seen.body.items.filter((event: { type: string }) => event.type === 'case.sensitive_changed');
      expect(changed.length).toBeGreaterThan(0);
      for (const event of changed) expect(event).toMatchObject({ redacted: true });
      await api(admin).get(`/api/workspaces/${caseId}/events?after=0`).expect(404);
    });
  });

  describe('bad input changes nothing', () => {
    let created: CaseDto;
    beforeAll(async () => {
      created = await createCase(app, owner);
    });
    const table: Array<{ does: string; method: 'post' | 'patch' | 'put'; path: (id: string) => string; body: object; status: number; code: string }> = [
      { does: 'an unknown exploitation type', method: 'patch', path: (id) => `/api/cases/${id}`, body: { version: 1, exploitationTypes: ['smuggling'] }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an unknown stage', method: 'post', path: (id) => `/api/cases/${id}/transitions`, body: { version: 1, to: 'archived' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an illegal stage change', method: 'post', path: (id) => `/api/cases/${id}/transitions`, body: { version: 1, to: 'inclusion' }, status: 409, code: 'ILLEGAL_TRANSITION' },
      { does: 'the stage through PATCH', method: 'patch', path: (id) => `/api/cases/${id}`, body: { version: 1, stage: 'closed' }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a sensitive field through PATCH', method: 'patch', path: (id) => `/api/cases/${id}`, body: { version: 1, alias: 'Rosa' }, status: 400, code: 'SENSITIVE_FIELD_NOT_ALLOWED' },
      { does: 'a sensitive field through POST /api/cases', method: 'post', path: () => '/api/cases', body: { title: 'X', contact: '555' }, status: 400, code: 'SENSITIVE_FIELD_NOT_ALLOWED' },
      { does: 'an unknown sensitive field', method: 'put', path: (id) => `/api/cases/${id}/sensitive`, body: { version: 1, fields: { legalName: 'x' } }, status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a sensitive read without a reason', method: 'post', path: (id) => `/api/cases/${id}/sensitive/views`, body: {}, status: 400, code: 'VALIDATION_FAILED' },
    ];
    it.each(table)('$does → $status $code', async ({ method, path, body, status, code }) => {
      const before = await snapshot(created.id);
      const cases = (await db().query(`SELECT count(*)::int AS n FROM cases`))[0].n;
      const response = await api(owner)[method](path(created.id), body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(await snapshot(created.id)).toBe(before);
      expect((await db().query(`SELECT count(*)::int AS n FROM cases`))[0].n).toBe(cases);
    });
  });
});
