import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseStatisticsSchema, type CaseStatisticsDto } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCase } from '../factories/case.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * 30 crafted cases. Stages: identified 14, assessment 8, assistance 3, inclusion 0, return 0, closed 5: the three
 * small cells add up to 3, so closed (5, the smallest shown) is suppressed with them. Jurisdictions: Salta 20,
 * Jujuy 6, Tucumán 4: Tucumán alone would be 30 − 26, so Jujuy goes too.
 */
const STAGES = [...Array(14).fill('identified'), ...Array(8).fill('assessment'), ...Array(3).fill('assistance'), ...Array(5).fill('closed')];
const JURISDICTIONS = [...Array(20).fill('Salta'), ...Array(6).fill('Jujuy'), ...Array(4).fill('=Tucumán')];

describe('case statistics with small-number suppression', () => {
  let app: TestApp;
  let ngoMember: SignedIn;
  let international: SignedIn;
  let admin: SignedIn;

  const get = (who: SignedIn, path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    const ngo = await createOrganization(app, admin, { kind: 'civil_society' });
    ngoMember = await createAccount(app, admin, ngo.id);
    international = await createAccount(app, admin, (await createOrganization(app, admin, { kind: 'international' })).id);
    const owner = await createAccount(app, admin, (await createOrganization(app, admin, { kind: 'local_government' })).id);
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 10) ids.push(...(await Promise.all(Array.from({ length: 10 }, () => createCase(app, owner)))).map((c) => c.id));
    const db = app.app.get(DataSource);
    for (const [i, id] of ids.entries()) {
      await db.query(
        `UPDATE cases SET stage = $2, closed_at = CASE WHEN $2 = 'closed' THEN now() END, jurisdiction = $3, exploitation_types = $4, identified_on = $5 WHERE workspace_id = $1`,
        [id, STAGES[i], JURISDICTIONS[i], i < 22 ? ['labour'] : i < 28 ? ['sexual', 'labour'] : ['organ_removal'], i < 25 ? '2026-03-10' : '2026-04-02'],
      );
    }
  });
  afterAll(() => app.close());

  it('by stage: every count below 5 and its complement read "<5"; the total is shown', async () => {
    const response = await get(ngoMember, '/api/case-statistics?by=stage').expect(200);
    expect(CaseStatisticsSchema.safeParse(response.body).error).toBeUndefined();
    expect(response.body).toEqual({
      by: 'stage',
      cells: [
        { key: 'identified', count: 14 },
        { key: 'assessment', count: 8 },
        { key: 'assistance', count: '<5' },
        { key: 'inclusion', count: '<5' },
        { key: 'return', count: '<5' },
        { key: 'closed', count: '<5' },
      ],
      total: 30,
    });
  });

  it('by jurisdiction and month: no difference from the total gives a small cell away', async () => {
    const byJurisdiction: CaseStatisticsDto = (await get(ngoMember, '/api/case-statistics?by=jurisdiction').expect(200)).body;
    expect(byJurisdiction.cells).toEqual([
      { key: '=Tucumán', count: '<5' },
      { key: 'Jujuy', count: '<5' },
      { key: 'Salta', count: 20 },
    ]);
    const byMonth: CaseStatisticsDto = (await get(ngoMember, '/api/case-statistics?by=month').expect(200)).body;
    expect(byMonth.cells).toEqual([
      { key: '2026-03', count: 25 },
      { key: '2026-04', count: 5 },
    ]);
    const byType: CaseStatisticsDto = (await get(ngoMember, '/api/case-statistics?by=exploitationType').expect(200)).body;
    // The small ones (organ removal 2, five types at 0) add up to 2, so sexual exploitation (6) is hidden with them.
    expect(byType.cells.filter((cell) => cell.count !== '<5')).toEqual([{ key: 'labour', count: 28 }]);
    expect(byType.cells).toHaveLength(8);
  });

  it('exports the same table as CSV, formula-safe', async () => {
    const response = await get(ngoMember, '/api/case-statistics/export?by=jurisdiction').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text).toBe(`"jurisdiction","cases"\r\n"'=Tucumán","<5"\r\n"Jujuy","<5"\r\n"Salta","20"\r\n"total","30"\r\n`);
  });

  it('is for government and civil-society members only', async () => {
    expect((await get(international, '/api/case-statistics?by=stage')).status).toBe(403);
    expect((await get(admin, '/api/case-statistics?by=stage')).status).toBe(403);
    expect((await get(ngoMember, '/api/case-statistics?by=name')).body.code).toBe('VALIDATION_FAILED');
    await request(app.url).get('/api/case-statistics?by=stage').expect(401);
  });
});

/**
 * A dimension that lists only values with cases: a listed jurisdiction or month has at least one. 25 cases in Salta
 * in March, and one in each of five other jurisdictions and months: 30 − 25 = 5 over five listed cells would say
 * each holds exactly one case, so the large cell is suppressed with them and only the total stands.
 */
describe('case statistics where a listed cell is known to hold a case', () => {
  let app: TestApp;
  let ngoMember: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    ngoMember = await createAccount(app, admin, (await createOrganization(app, admin, { kind: 'civil_society' })).id);
    const owner = await createAccount(app, admin, (await createOrganization(app, admin, { kind: 'central_government' })).id);
    const singles = ['Jujuy', 'Tucumán', 'Catamarca', 'La Rioja', 'Formosa'].map((jurisdiction, i) => ({ jurisdiction, identifiedOn: `2026-0${i + 4}-15` }));
    for (const overrides of [...Array<typeof singles[number]>(25).fill({ jurisdiction: 'Salta', identifiedOn: '2026-03-10' }), ...singles]) {
      await createCase(app, owner, overrides);
    }
  });
  afterAll(() => app.close());

  it.each(['jurisdiction', 'month'])('by %s: one case in each of five cells is not given away by 30 − 25', async (by) => {
    const body: CaseStatisticsDto = (await request(app.url).get(`/api/case-statistics?by=${by}`).auth(ngoMember.token, { type: 'bearer' }).expect(200)).body;
    expect(body.cells).toHaveLength(6);
    expect(body.cells.every((cell) => cell.count === '<5')).toBe(true);
    expect(body.total).toBe(30);
  });
});
