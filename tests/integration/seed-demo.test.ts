import request from 'supertest';
import type { AgreementListItemDto, AssistanceDto, CaseStateDto, CaseStatisticsDto, CommitmentDetailDto, CommitmentDto, IncomingReferralDto, JusticeEntryDto, ReferralDto } from '@enlace/shared';
import { seedDemo, DEMO_PASSWORD } from '../../server/src/cli/demo-scene.js';
import { signIn } from '../factories/accounts.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('npm run seed:demo', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('adds a framework MoU between the ministry, a province and two NGOs, with measurements, an overdue commitment and linked cards', async () => {
    await seedDemo(app.app);
    const coordinator = await signIn(app, 'lucia.fernandez@demo.enlace.local', DEMO_PASSWORD);
    const get = (path: string) => request(app.url).get(path).auth(coordinator.token, { type: 'bearer' }).expect(200);
    const [mou]: AgreementListItemDto[] = (await get('/api/agreements')).body.items;
    expect(mou).toMatchObject({ kind: 'mou', status: 'in_force', referenceCode: 'MJDH-SF-2026-01' });
    expect(mou.figures).toMatchObject({ commitmentsTotal: 5, commitmentsDone: 1, overdue: 1 });
    expect(mou.figures.progressVerified!).toBeLessThan(mou.figures.progressReported!);
    const agreement = (await get(`/api/agreements/${mou.id}`)).body;
    expect(agreement.parties.map((p: { role: string }) => p.role).sort()).toEqual(['implementing', 'implementing', 'signatory', 'signatory']);
    const commitments: CommitmentDto[] = (await get(`/api/agreements/${mou.id}/commitments`)).body.items;
    expect(new Set(commitments.map((c) => c.thematicArea)).size).toBeGreaterThanOrEqual(4);
    const details: CommitmentDetailDto[] = await Promise.all(commitments.map(async (c) => (await get(`/api/commitments/${c.id}`)).body));
    const statuses = details.flatMap((d) => d.indicators.flatMap((i) => i.measurements.map((m) => m.status)));
    expect(statuses.filter((s) => s === 'verified').length).toBeGreaterThan(1);
    expect(statuses.filter((s) => s === 'disputed')).toHaveLength(1);
    expect(details.reduce((sum, d) => sum + d.cardsTotal, 0)).toBeGreaterThan(0);
    expect(details.reduce((sum, d) => sum + d.cardsDone, 0)).toBeGreaterThan(0);
    // The scene hashes a dozen passwords (argon2) and makes a few hundred writes: slow on a busy machine.
  }, 300_000);

  it('adds cases at every stage, an accepted and a declined referral, both tracks, a law-enforcement police unit and suppressed statistics', async () => {
    const as = async (key: string) => (await signIn(app, `${key}@demo.enlace.local`, DEMO_PASSWORD)).token;
    const [ngoLead, municipal, border, investigator] = await Promise.all(['sofia.martinez', 'ana.benitez', 'jorge.villalba', 'diego.sosa'].map(as));
    const get = (token: string, path: string) => request(app.url).get(path).auth(token, { type: 'bearer' });

    const cases: CaseStateDto[] = (await get(ngoLead, '/api/cases?limit=200').expect(200)).body.items;
    expect(new Set(cases.map((c) => c.stage))).toEqual(new Set(['identified', 'assessment', 'assistance', 'inclusion', 'return', 'closed']));
    const main = cases.find((c) => c.title.startsWith('Rosario bus terminal'))!;
    expect(main).toMatchObject({ stage: 'assistance', riskLevel: 'high', consentReferral: true });
    const referrals: ReferralDto[] = (await get(ngoLead, `/api/cases/${main.id}/referrals`).expect(200)).body.items;
    expect(referrals).toMatchObject([{ service: 'shelter', status: 'accepted', toOrganizationName: 'Municipalidad de Rosario' }]);
    expect((await get(municipal, '/api/referrals/incoming').expect(200)).body.items).toMatchObject([{ caseCode: main.code, status: 'accepted', sharedFields: ['ageOrBirthYear'] }]);
    const declined: IncomingReferralDto[] = (await get(border, '/api/referrals/incoming').expect(200)).body.items;
    expect(declined).toMatchObject([{ service: 'shelter', status: 'declined' }]);

    const services: AssistanceDto[] = (await get(ngoLead, `/api/cases/${main.id}/assistance`).expect(200)).body.items;
    expect(services.map((s) => [s.service, s.status])).toEqual([['health', 'ended'], ['shelter', 'given'], ['legal_aid', 'requested']]);
    const justice: JusticeEntryDto[] = (await get(investigator, `/api/cases/${main.id}/justice`).expect(200)).body.items;
    expect(justice.map((e) => e.step)).toEqual(['complaint', 'investigation']);
    // The police investigator sees the case and its justice track, not its assistance track.
    expect((await get(investigator, `/api/cases/${main.id}/assistance`)).status).toBe(403);
    const police = (await get(investigator, '/api/me').expect(200)).body.organization;
    expect(police).toMatchObject({ lawEnforcement: true });

    const byStage: CaseStatisticsDto = (await get(ngoLead, '/api/case-statistics?by=stage').expect(200)).body;
    expect(byStage.cells.some((cell) => cell.count === '<5')).toBe(true);
    expect(byStage.cells.some((cell) => typeof cell.count === 'number' && cell.count >= 5)).toBe(true);
  }, 120_000);
});
