import request from 'supertest';
import type { AgreementListItemDto, CommitmentDetailDto, CommitmentDto } from '@enlace/shared';
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
    // The scene hashes a dozen passwords (argon2) and makes a hundred writes: slow on a busy machine.
  }, 180_000);
});
