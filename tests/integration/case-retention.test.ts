import request from 'supertest';
import { DataSource } from 'typeorm';
import { SENSITIVE_FIELDS, type CaseDto } from '@enlace/shared';
import { CaseRetention } from '../../server/src/cases/case-retention.js';
import { Keyring, decryptField } from '../../server/src/cases/sensitive-crypto.js';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCase, walkCase } from '../factories/case.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('case retention: crypto-shredding closed cases', () => {
  let app: TestApp;
  let owner: SignedIn;
  const db = () => app.app.get(DataSource);
  const fields = Object.fromEntries(SENSITIVE_FIELDS.map((field) => [field, `value of ${field}`]));

  async function caseWithValues(closedDaysAgo: number | null): Promise<CaseDto> {
    let created = await createCase(app, owner);
    await request(app.url).put(`/api/cases/${created.id}/sensitive`).auth(owner.token, { type: 'bearer' }).send({ version: 1, fields }).expect(200);
    if (closedDaysAgo !== null) {
      created = await walkCase(app, owner, created, ['closed']);
      await db().query(`UPDATE cases SET closed_at = now() - make_interval(days => $2) WHERE workspace_id = $1`, [created.id, closedDaysAgo]);
    }
    return created;
  }

  beforeAll(async () => {
    app = await startTestApp({ CASE_RETENTION_DAYS: '365' });
    const admin = await signInAdmin(app);
    owner = await createAccount(app, admin, (await createOrganization(app, admin)).id);
  });
  afterAll(() => app.close());

  it('registers the daily job with pg-boss on the application’s own database', async () => {
    const schedules = await db().query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'case-retention'`);
    expect(schedules).toEqual([{ name: 'case-retention', cron: '17 3 * * *' }]);
  });

  it('erases the sensitive fields of cases closed longer than the retention period, for good; the audit chain still verifies', async () => {
    const expired = await caseWithValues(400);
    const recent = await caseWithValues(10);
    const open = await caseWithValues(null);
    const sealed: Array<{ field: (typeof SENSITIVE_FIELDS)[number]; ciphertext: Buffer }> = await db().query(`SELECT field, ciphertext FROM case_sensitive_fields WHERE case_id = $1`, [expired.id]);
    expect(sealed).toHaveLength(6);

    expect(await app.app.get(CaseRetention).run()).toBe(1);
    expect(await app.app.get(CaseRetention).run()).toBe(0); // nothing twice

    const [key] = await db().query(`SELECT master_key_id, wrapped, destroyed_at FROM case_data_keys WHERE case_id = $1`, [expired.id]);
    expect(key).toMatchObject({ master_key_id: null, wrapped: null });
    expect(key.destroyed_at).not.toBeNull();
    expect(await db().query(`SELECT 1 FROM case_sensitive_fields WHERE case_id = $1`, [expired.id])).toEqual([]);
    // Unrecoverable from what the database still holds: no remaining data key opens any ciphertext it had.
    const keyring = new Keyring(app.config.dataEncryption.current, app.config.dataEncryption.previous);
    const remaining: Array<{ case_id: string; master_key_id: string; wrapped: Buffer }> = await db().query(`SELECT case_id, master_key_id, wrapped FROM case_data_keys WHERE wrapped IS NOT NULL`);
    expect(remaining.length).toBeGreaterThanOrEqual(2);
    for (const other of remaining) {
      const dataKey = keyring.unwrap(other.case_id, { masterKeyId: other.master_key_id, wrapped: other.wrapped });
      for (const { field, ciphertext } of sealed) expect(() => decryptField(dataKey, expired.id, field, ciphertext)).toThrow();
    }

    const api = (path: string) => request(app.url).post(path).auth(owner.token, { type: 'bearer' });
    const read = await api(`/api/cases/${expired.id}/sensitive/views`).send({ reason: 'After retention' }).expect(200);
    expect(read.body).toMatchObject({ erased: true, fields: Object.fromEntries(SENSITIVE_FIELDS.map((field) => [field, null])) });
    const write = await request(app.url).put(`/api/cases/${expired.id}/sensitive`).auth(owner.token, { type: 'bearer' }).send({ version: 2, fields: { alias: 'x' } });
    expect({ status: write.status, code: write.body.code }).toEqual({ status: 410, code: 'SENSITIVE_ERASED' });
    const events = (await request(app.url).get(`/api/workspaces/${expired.id}/events?after=0&limit=500`).auth(owner.token, { type: 'bearer' }).expect(200)).body.items;
    expect(events.filter((event: { type: string }) => event.type === 'case.sensitive_erased')).toHaveLength(1);
    const verified = await request(app.url).get(`/api/workspaces/${expired.id}/audit/verify`).auth(owner.token, { type: 'bearer' }).expect(200);
    expect(verified.body).toMatchObject({ ok: true });

    for (const kept of [recent, open]) {
      const values = await api(`/api/cases/${kept.id}/sensitive/views`).send({ reason: 'Still within retention' }).expect(200);
      expect(values.body).toMatchObject({ erased: false, fields });
    }
  });
});
