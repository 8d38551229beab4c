import { generate } from 'otplib';
import pg from 'pg';
import request from 'supertest';
import { createAccount, createOrganization, enrolTwoFactor, signIn, signInAdmin, type NewAccount, type SignedIn } from '../factories/accounts.factory.js';
import { createWorkspace, invite } from '../factories/workspace.factory.js';
import { outboxMessages, resetTokenFor } from '../support/outbox.js';
import { connectClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

/** An authenticator code `offsetSteps` 30-second steps from now (the server accepts one step either side). */
const codeAt = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe('sign-in security', () => {
  let app: TestApp;
  let admin: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
  });
  afterAll(() => app.close());

  const me = (token: string) => request(app.url).get('/api/me').auth(token, { type: 'bearer' });
  const login = (email: string, password: string, userAgent = FIREFOX) =>
    request(app.url).post('/api/auth/login').set('User-Agent', userAgent).send({ email, password });
  const person = async (options: { orgRole?: 'org_admin' | 'member'; organizationId?: string } = {}): Promise<NewAccount> =>
    createAccount(app, admin, options.organizationId ?? orgId, { orgRole: options.orgRole });
  const sql = async (text: string, values: unknown[]) => {
    const client = new pg.Client({ connectionString: app.database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  describe('platform administrators', () => {
    it('must enrol a second factor before anything else: signed in, /api/me says so, other routes answer 403 TWO_FACTOR_REQUIRED', async () => {
      const first = await login(app.admin.email, app.admin.password).expect(200);
      expect(first.body.mustEnrolTwoFactor).toBe(true);
      const token = first.body.accessToken;
      expect((await me(token).expect(200)).body).toMatchObject({ mustEnrolTwoFactor: true, twoFactorEnabled: false });
      const refused = await request(app.url).post('/api/organizations').auth(token, { type: 'bearer' }).send({ name: 'Refused', kind: 'civil_society', country: 'AR' }).expect(403);
      expect(refused.body.code).toBe('TWO_FACTOR_REQUIRED');
      await expect(connectClient(app.url, token)).rejects.toThrow();

      admin = await signInAdmin(app); // enrols
      expect((await me(token).expect(200)).body).toMatchObject({ mustEnrolTwoFactor: false, twoFactorEnabled: true });
      // The same session goes on once enrolled.
      orgId = (await request(app.url).post('/api/organizations').auth(token, { type: 'bearer' }).send({ name: 'Ministerio', kind: 'central_government', country: 'AR' }).expect(201)).body.id;
    });
  });

  describe('two-factor sign-in', () => {
    it('is enrolled with a code from the secret, then sign-in takes a challenge and a code, and a code is not accepted twice', async () => {
      const ana = await person();
      const started = await request(app.url).post('/api/me/two-factor').auth(ana.token, { type: 'bearer' }).expect(201);
      expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      const secret: string = started.body.secret;
      // Not on until confirmed: sign-in is still one step.
      expect((await login(ana.user.email, ana.password).expect(200)).body.accessToken).toEqual(expect.any(String));
      const wrong = await request(app.url).post('/api/me/two-factor/confirm').auth(ana.token, { type: 'bearer' }).send({ code: '000000' }).expect(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      const confirmed = await request(app.url).post('/api/me/two-factor/confirm').auth(ana.token, { type: 'bearer' }).send({ code: await codeAt(secret) }).expect(200);
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
      // Stored hashed: no recovery code appears in the database.
      const stored = await sql('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [ana.user.id]);
      expect(stored).toHaveLength(10);
      expect(JSON.stringify(stored)).not.toContain(confirmed.body.recoveryCodes[0]);

      const step1 = await login(ana.user.email, ana.password).expect(200);
      expect(step1.body).toEqual({ mfaRequired: true, challenge: expect.any(String) });
      expect(step1.headers['set-cookie']).toBeUndefined();
      // The challenge is no access token.
      await me(step1.body.challenge).expect(401);

      const code = await codeAt(secret, 1); // the next step: the confirming code used this one
      const step2 = await request(app.url).post('/api/auth/login/mfa').send({ challenge: step1.body.challenge, code }).expect(200);
      await me(step2.body.accessToken).expect(200);

      const again = await login(ana.user.email, ana.password).expect(200);
      const replayed = await request(app.url).post('/api/auth/login/mfa').send({ challenge: again.body.challenge, code }).expect(401);
      expect(replayed.body.code).toBe('UNAUTHENTICATED');
    });

    it('accepts each recovery code once', async () => {
      const bea = await person();
      const { recoveryCodes } = await enrolTwoFactor(app, bea);
      const challenge = async () => (await login(bea.user.email, bea.password).expect(200)).body.challenge;
      await request(app.url).post('/api/auth/login/mfa').send({ challenge: await challenge(), code: recoveryCodes[0].toUpperCase() }).expect(200);
      await request(app.url).post('/api/auth/login/mfa').send({ challenge: await challenge(), code: recoveryCodes[0] }).expect(401);
      await request(app.url).post('/api/auth/login/mfa').send({ challenge: await challenge(), code: recoveryCodes[1] }).expect(200);
    });

    it('limits wrong codes like wrong passwords', async () => {
      const caro = await person();
      const { secret } = await enrolTwoFactor(app, caro);
      const { challenge } = (await login(caro.user.email, caro.password).expect(200)).body;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await request(app.url).post('/api/auth/login/mfa').send({ challenge, code: '000001' }).expect(401);
      }
      const limited = await request(app.url).post('/api/auth/login/mfa').send({ challenge, code: await codeAt(secret, 1) }).expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
    });

    it('is removed with the password (not a wrong one), after which sign-in is one step again', async () => {
      const dani = await person();
      await enrolTwoFactor(app, dani);
      const wrong = await request(app.url).delete('/api/me/two-factor').auth(dani.token, { type: 'bearer' }).send({ password: 'not-the-password' }).expect(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      await request(app.url).delete('/api/me/two-factor').auth(dani.token, { type: 'bearer' }).send({}).expect(400);
      await request(app.url).delete('/api/me/two-factor').auth(dani.token, { type: 'bearer' }).send({ password: dani.password }).expect(204);
      expect((await login(dani.user.email, dani.password).expect(200)).body.accessToken).toEqual(expect.any(String));
    });

    it('is required of an organisation’s people when a platform admin says so', async () => {
      const org = await createOrganization(app, admin);
      const orgAdmin = await person({ organizationId: org.id, orgRole: 'org_admin' });
      const eva = await person({ organizationId: org.id });
      // Only platform admins change the setting.
      await request(app.url).patch(`/api/organizations/${org.id}`).auth(orgAdmin.token, { type: 'bearer' }).send({ requireTwoFactor: true }).expect(403);
      const updated = await request(app.url).patch(`/api/organizations/${org.id}`).auth(admin.token, { type: 'bearer' }).send({ requireTwoFactor: true }).expect(200);
      expect(updated.body.requireTwoFactor).toBe(true);

      // Sessions from before the setting are held too, at their next request.
      const refused = await request(app.url).get('/api/workspaces').auth(eva.token, { type: 'bearer' }).expect(403);
      expect(refused.body.code).toBe('TWO_FACTOR_REQUIRED');
      const signedIn = await login(eva.user.email, eva.password).expect(200);
      expect(signedIn.body.mustEnrolTwoFactor).toBe(true);
      await enrolTwoFactor(app, eva);
      await request(app.url).get('/api/workspaces').auth(eva.token, { type: 'bearer' }).expect(200);
      // Accounts of other organisations are not held.
      const other = await person();
      await request(app.url).get('/api/workspaces').auth(other.token, { type: 'bearer' }).expect(200);
    });
  });

  describe('passwords', () => {
    it('answers forgot-password the same for an unknown e-mail, and mails only the real account', async () => {
      const fer = await person();
      const known = await request(app.url).post('/api/auth/password/forgot').send({ email: fer.user.email }).expect(202);
      const unknown = await request(app.url).post('/api/auth/password/forgot').send({ email: 'nobody-here@enlace.test' }).expect(202);
      expect(unknown.body).toEqual(known.body);
      expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
      await resetTokenFor(app.config.dataDir, fer.user.email);
      expect(outboxMessages(app.config.dataDir).some((eml) => eml.includes('nobody-here@enlace.test'))).toBe(false);
    });

    it('limits forgot-password per e-mail address', async () => {
      const email = 'flooded@enlace.test';
      for (let attempt = 0; attempt < 3; attempt += 1) await request(app.url).post('/api/auth/password/forgot').send({ email }).expect(202);
      expect((await request(app.url).post('/api/auth/password/forgot').send({ email }).expect(429)).body.code).toBe('RATE_LIMITED');
    });

    it('resets with the e-mailed token once, ending every session and closing its sockets', async () => {
      const gabi = await person();
      const socket = await connectClient(app.url, gabi.token);
      const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
      await request(app.url).post('/api/auth/password/forgot').send({ email: gabi.user.email }).expect(202);
      const token = await resetTokenFor(app.config.dataDir, gabi.user.email);

      const common = await request(app.url).post('/api/auth/password/reset').send({ token, password: 'Qwerty123456' }).expect(400);
      expect(common.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('most commonly used') });
      await request(app.url).post('/api/auth/password/reset').send({ token, password: 'a-brand-new-passphrase' }).expect(204);
      expect(await closed).toBe('io server disconnect');
      await me(gabi.token).expect(401);
      await login(gabi.user.email, gabi.password).expect(401);
      await login(gabi.user.email, 'a-brand-new-passphrase').expect(200);
      const reused = await request(app.url).post('/api/auth/password/reset').send({ token, password: 'yet-another-passphrase' }).expect(400);
      expect(reused.body.code).toBe('VALIDATION_FAILED');
      await login(gabi.user.email, 'a-brand-new-passphrase').expect(200);
    });

    it('refuses an expired reset token', async () => {
      const hugo = await person();
      await request(app.url).post('/api/auth/password/forgot').send({ email: hugo.user.email }).expect(202);
      const token = await resetTokenFor(app.config.dataDir, hugo.user.email);
      await sql(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [hugo.user.id]);
      await request(app.url).post('/api/auth/password/reset').send({ token, password: 'a-brand-new-passphrase' }).expect(400);
      await login(hugo.user.email, hugo.password).expect(200);
    });

    it('changes the password with the current one, ending the other sessions and keeping this one', async () => {
      const ines = await person();
      const other = await signIn(app, ines.user.email, ines.password);
      const wrong = await request(app.url).post('/api/me/password').auth(ines.token, { type: 'bearer' }).send({ currentPassword: 'wrong-password-9', newPassword: 'a-brand-new-passphrase' }).expect(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      const common = await request(app.url).post('/api/me/password').auth(ines.token, { type: 'bearer' }).send({ currentPassword: ines.password, newPassword: '1qaz2wsx3edc' }).expect(400);
      expect(common.body.details).toEqual([expect.objectContaining({ path: 'newPassword', code: 'common_password' })]);
      await request(app.url).post('/api/me/password').auth(ines.token, { type: 'bearer' }).send({ currentPassword: ines.password, newPassword: 'a-brand-new-passphrase' }).expect(204);
      await me(ines.token).expect(200);
      await me(other.token).expect(401);
      await login(ines.user.email, 'a-brand-new-passphrase').expect(200);
    });

    it('refuses a common password when an account is created', async () => {
      const response = await request(app.url)
        .post(`/api/organizations/${orgId}/users`)
        .auth(admin.token, { type: 'bearer' })
        .send({ email: 'common@enlace.test', displayName: 'Common', password: 'leavemealone', orgRole: 'member' })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      await login('common@enlace.test', 'leavemealone').expect(401);
    });

    it('refuses a common password when an invitation creates the account, and leaves the invitation usable', async () => {
      const owner = await person();
      const workspace = await createWorkspace(app, owner);
      const invitation = await invite(app, owner, workspace.id, 'invited-common@enlace.test', 'observer');
      const accept = (password: string) => request(app.url).post(`/api/invitations/${invitation.token}/accept`).send({ displayName: 'Invited', password });
      expect((await accept('qwertyuiop123').expect(400)).body.code).toBe('VALIDATION_FAILED');
      await accept('a-long-enough-password').expect(200);
    });

    it('lets an organisation admin send one of their people a reset link, and nobody else', async () => {
      const org = await createOrganization(app, admin);
      const orgAdmin = await person({ organizationId: org.id, orgRole: 'org_admin' });
      const juan = await person({ organizationId: org.id });
      const outsiderAdmin = await person({ orgRole: 'org_admin' });
      const path = `/api/organizations/${org.id}/users/${juan.user.id}/password-reset`;
      await request(app.url).post(path).auth(outsiderAdmin.token, { type: 'bearer' }).expect(404);
      await request(app.url).post(path).auth(juan.token, { type: 'bearer' }).expect(404);
      await request(app.url).post(`/api/organizations/${org.id}/users/${admin.user.id}/password-reset`).auth(orgAdmin.token, { type: 'bearer' }).expect(404);
      await request(app.url).post(path).auth(orgAdmin.token, { type: 'bearer' }).expect(202);
      const token = await resetTokenFor(app.config.dataDir, juan.user.email);
      expect(outboxMessages(app.config.dataDir).find((eml) => eml.includes(`To: ${juan.user.email}`))).toContain(orgAdmin.user.displayName);
      await request(app.url).post('/api/auth/password/reset').send({ token, password: 'a-brand-new-passphrase' }).expect(204);
    });
  });

  describe('sessions', () => {
    it('lists the open sessions with device, address and the current one marked, and records last seen at each refresh', async () => {
      const kim = await person();
      const firefox = await login(kim.user.email, kim.password, FIREFOX).expect(200);
      await login(kim.user.email, kim.password, SAFARI).expect(200);
      const list = await request(app.url).get('/api/me/sessions').auth(firefox.body.accessToken, { type: 'bearer' }).expect(200);
      expect(list.body).toHaveLength(3); // the factory's sign-in too
      const current = list.body.filter((session: { current: boolean }) => session.current);
      expect(current).toEqual([expect.objectContaining({ device: 'Firefox on Windows', address: expect.any(String) })]);
      expect(list.body.map((session: { device: string }) => session.device)).toContain('Safari on macOS');

      await sql(`UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE id = $1`, [current[0].id]);
      const cookie = ([] as string[]).concat(firefox.headers['set-cookie']).find((c) => c.startsWith('enlace_refresh='))!.split(';')[0];
      const refreshed = await request(app.url).post('/api/auth/refresh').set('Cookie', cookie).expect(200);
      const after = await request(app.url).get('/api/me/sessions').auth(refreshed.body.accessToken, { type: 'bearer' }).expect(200);
      const seen = after.body.find((session: { id: string }) => session.id === current[0].id);
      expect(Date.parse(seen.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('ends one of its own sessions (its token stops working) and answers 404 for someone else’s', async () => {
      const lia = await person();
      const other = await signIn(app, lia.user.email, lia.password);
      const sessions = (await request(app.url).get('/api/me/sessions').auth(lia.token, { type: 'bearer' }).expect(200)).body as Array<{ id: string; current: boolean }>;
      const target = sessions.find((session) => !session.current)!;
      const mallory = await person();
      await request(app.url).delete(`/api/me/sessions/${target.id}`).auth(mallory.token, { type: 'bearer' }).expect(404);
      await me(other.token).expect(200);
      await request(app.url).delete(`/api/me/sessions/${target.id}`).auth(lia.token, { type: 'bearer' }).expect(204);
      await me(other.token).expect(401);
      await me(lia.token).expect(200);
      await request(app.url).delete(`/api/me/sessions/${target.id}`).auth(lia.token, { type: 'bearer' }).expect(404);
    });
  });
});
