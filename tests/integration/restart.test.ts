import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createOrganization, signInAdmin } from '../factories/accounts.factory.js';
import { createTestDatabase, startTestApp } from '../support/test-app.js';

describe('durability across a restart', () => {
  it('keeps acknowledged writes on the configured PostgreSQL', async () => {
    const database = await createTestDatabase();
    const env = { ADMIN_PASSWORD: 'restart-admin-password' };
    const first = await startTestApp(env, database);
    const org = await createOrganization(first, await signInAdmin(first), { name: 'Survives restarts' });
    await first.close();

    const second = await startTestApp(env, database);
    try {
      const admin = await signInAdmin(second);
      await request(second.url).get(`/api/organizations/${org.id}`).auth(admin.token, { type: 'bearer' }).expect(200);
    } finally {
      await second.close();
      await database.drop();
    }
  });

  it('keeps acknowledged writes in the embedded database folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'enlace-embedded-'));
    // No DATABASE_URL: the server starts PGlite in DATA_DIR itself, as on a newcomer's machine.
    const env = { DATABASE_URL: '', DATA_DIR: dataDir, ADMIN_PASSWORD: 'restart-admin-password' };
    const noDatabase = { url: '', drop: async () => undefined };
    const first = await startTestApp(env, noDatabase);
    const org = await createOrganization(first, await signInAdmin(first), { name: 'Embedded and durable' });
    await first.close();

    const second = await startTestApp(env, noDatabase);
    try {
      const admin = await signInAdmin(second);
      const response = await request(second.url).get(`/api/organizations/${org.id}`).auth(admin.token, { type: 'bearer' }).expect(200);
      expect(response.body.name).toBe('Embedded and durable');
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two embedded starts, the first migrating a new PGlite folder and pg-boss creating its schema there: with
    // the rest of the suite running beside it, this went past the default 30 s in a CI run (36 s).
  }, 90_000);
});
