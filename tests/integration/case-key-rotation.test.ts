import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { rotateDataKeys } from '../../server/src/cases/data-key-rotation.js';
import { Keyring } from '../../server/src/cases/sensitive-crypto.js';
import { SensitiveRepository } from '../../server/src/cases/sensitive.repository.js';
import { createAccount, createOrganization, signIn, signInAdmin } from '../factories/accounts.factory.js';
import { createCase } from '../factories/case.factory.js';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app.js';

describe('rotating the master data key', () => {
  it('re-wraps every data key with the new key, after which the old one is no longer needed', async () => {
    const database = await createTestDatabase();
    const oldKey = randomBytes(32).toString('hex');
    const newKey = randomBytes(32).toString('hex');
    const env = { ADMIN_PASSWORD: 'rotation-admin-password' };
    let app: TestApp | undefined;
    try {
      app = await startTestApp({ ...env, DATA_ENCRYPTION_KEY: oldKey }, database);
      const admin = await signInAdmin(app);
      const account = await createAccount(app, admin, (await createOrganization(app, admin)).id);
      const ids = [];
      for (const contact of ['+54 11 1111', '+54 11 2222']) {
        const created = await createCase(app, account);
        await request(app.url).put(`/api/cases/${created.id}/sensitive`).auth(account.token, { type: 'bearer' }).send({ version: 1, fields: { contact } }).expect(200);
        ids.push(created.id);
      }
      await app.close();

      // Step 1: the new key current, the old one still listed: everything stays readable while keys are re-wrapped.
      app = await startTestApp({ ...env, DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_PREVIOUS_KEYS: oldKey }, database);
      const keyring = new Keyring(app.config.dataEncryption.current, app.config.dataEncryption.previous);
      const repository = new SensitiveRepository(app.app.get(DataSource));
      expect(await rotateDataKeys(repository, keyring)).toBe(2);
      expect(await rotateDataKeys(repository, keyring)).toBe(0);
      const ids2 = await app.app.get(DataSource).query(`SELECT DISTINCT master_key_id FROM case_data_keys`);
      expect(ids2).toEqual([{ master_key_id: keyring.currentId }]);
      await app.close();

      // Step 2: the old key retired.
      app = await startTestApp({ ...env, DATA_ENCRYPTION_KEY: newKey }, database);
      const again = await signIn(app, account.user.email, account.password);
      const read = await request(app.url).post(`/api/cases/${ids[1]}/sensitive/views`).auth(again.token, { type: 'bearer' }).send({ reason: 'After rotation' }).expect(200);
      expect(read.body.fields.contact).toBe('+54 11 2222');
    } finally {
      await app?.close();
      await database.drop();
    }
  });
});
