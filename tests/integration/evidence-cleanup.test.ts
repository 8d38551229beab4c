import request from 'supertest';
import { DataSource } from 'typeorm';
import type { WorkspaceEvent } from '@enlace/shared';
import { EvidenceCleanup } from '../../server/src/agreements/evidence-cleanup.js';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addParty, createAgreement, createCommitment, createIndicator, recordMeasurement, uploadEvidence } from '../factories/agreement.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('orphan evidence: files no measurement named are deleted after EVIDENCE_ORPHAN_HOURS', () => {
  let app: TestApp;
  let owner: SignedIn;
  const db = () => app.app.get(DataSource);
  const age = (fileId: string, hours: number) => db().query(`UPDATE evidence_files SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [fileId, hours]);
  const stored = async (fileId: string) =>
    Number((await db().query(`SELECT (SELECT count(*) FROM evidence_files WHERE id = $1) + (SELECT count(*) FROM evidence_chunks WHERE file_id = $1) AS n`, [fileId]))[0].n);

  beforeAll(async () => {
    app = await startTestApp({ EVIDENCE_ORPHAN_HOURS: '12' });
    const admin = await signInAdmin(app);
    const ministry = await createOrganization(app, admin, { kind: 'central_government' });
    owner = await createAccount(app, admin, ministry.id);
  });
  afterAll(() => app.close());

  it('registers the hourly job with pg-boss on the application’s own database', async () => {
    expect(await db().query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'evidence-cleanup'`)).toEqual([{ name: 'evidence-cleanup', cron: '41 * * * *' }]);
  });

  it('deletes old unattached files with their bytes and an evidence.discarded event; attached and recent files stay', async () => {
    const agreement = await createAgreement(app, owner);
    const party = await addParty(app, owner, agreement.id, owner.user.organizationId!);
    const commitment = await createCommitment(app, owner, agreement.id, party.organizationId);
    const indicator = await createIndicator(app, owner, commitment.id);
    const abandoned = await uploadEvidence(app, owner, commitment.id, undefined, 'abandoned.pdf');
    const attached = await uploadEvidence(app, owner, commitment.id, undefined, 'attached.pdf');
    const recent = await uploadEvidence(app, owner, commitment.id, undefined, 'recent.pdf');
    await recordMeasurement(app, owner, indicator.id, { evidenceIds: [attached.id] });
    await age(abandoned.id, 13);
    await age(attached.id, 13 * 24);
    await age(recent.id, 11);

    const cleanup = app.app.get(EvidenceCleanup);
    expect(await cleanup.run()).toBe(1);
    expect(await cleanup.run()).toBe(0); // nothing twice

    expect(await stored(abandoned.id)).toBe(0);
    expect(await stored(attached.id)).toBeGreaterThan(1);
    expect(await stored(recent.id)).toBeGreaterThan(1);
    expect((await request(app.url).get(`/api/evidence/${abandoned.id}`).auth(owner.token, { type: 'bearer' })).status).toBe(404);
    const log: WorkspaceEvent[] = (await request(app.url).get(`/api/workspaces/${agreement.id}/events?after=0&limit=500`).auth(owner.token, { type: 'bearer' }).expect(200)).body.items;
    const discarded = log.filter((event) => event.type === 'evidence.discarded');
    expect(discarded).toEqual([expect.objectContaining({ entityType: 'evidence', entityId: abandoned.id, actorId: null, payload: expect.objectContaining({ id: abandoned.id, sha256: abandoned.sha256 }) })]);

    // Once the recent one is old enough, it goes too; a measurement can then no longer name it.
    expect(await cleanup.run(new Date(Date.now() + 2 * 3_600_000))).toBe(1);
    expect(await stored(recent.id)).toBe(0);
    const late = await request(app.url)
      .post(`/api/indicators/${indicator.id}/measurements`)
      .auth(owner.token, { type: 'bearer' })
      .send({ periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 50, evidenceIds: [recent.id] });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
