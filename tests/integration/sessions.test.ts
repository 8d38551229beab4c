import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import request from 'supertest';
import { createAccount, createOrganization, signInAdmin } from '../factories/accounts.factory.js';
import { connectClient, settle } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const refreshCookieOf = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((cookie) => cookie.startsWith('enlace_refresh='))!
    .split(';')[0];

describe('access tokens end with their session', () => {
  let app: TestApp;
  /** Someone without a second factor (a platform admin must enrol one before using sockets). */
  let person: { email: string; password: string };

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const account = await createAccount(app, admin, (await createOrganization(app, admin)).id);
    person = { email: account.user.email, password: account.password };
  });
  afterAll(() => app.close());

  async function login(): Promise<{ token: string; refreshCookie: string }> {
    const response = await request(app.url).post('/api/auth/login').send(person).expect(200);
    return { token: response.body.accessToken, refreshCookie: refreshCookieOf(response) };
  }
  const me = (token: string) => request(app.url).get('/api/me').auth(token, { type: 'bearer' });

  it('refuses the access token of a session that logged out, on REST and at a socket handshake, and only that one', async () => {
    const ended = await login();
    const other = await login();
    await me(ended.token).expect(200);
    (await connectClient(app.url, ended.token)).close();

    await request(app.url).post('/api/auth/logout').set('Cookie', ended.refreshCookie).expect(204);

    const refused = await me(ended.token).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await expect(connectClient(app.url, ended.token)).rejects.toThrow('UNAUTHENTICATED');
    // Another sign-in of the same person goes on.
    await me(other.token).expect(200);
    (await connectClient(app.url, other.token)).close();
  });

  it('closes the live sockets of a session that logs out, on the spot, and only that session\'s', async () => {
    const ended = await login();
    const other = await login();
    const endedSocket = await connectClient(app.url, ended.token);
    const otherSocket = await connectClient(app.url, other.token);
    const closed = new Promise<string>((resolve) => endedSocket.socket.once('disconnect', resolve));

    await request(app.url).post('/api/auth/logout').set('Cookie', ended.refreshCookie).expect(204);

    expect(await closed).toBe('io server disconnect');
    await settle();
    expect(otherSocket.socket.connected).toBe(true);
    otherSocket.close();
  });

  it('refuses every access token of a session whose refresh token was replayed', async () => {
    const first = await login();
    const rotated = await request(app.url).post('/api/auth/refresh').set('Cookie', first.refreshCookie).expect(200);
    await me(rotated.body.accessToken).expect(200);

    await request(app.url).post('/api/auth/refresh').set('Cookie', first.refreshCookie).expect(401);

    await me(first.token).expect(401);
    await me(rotated.body.accessToken).expect(401);
  });
});

describe('access token claims', () => {
  let app: TestApp;
  let adminId: string;
  let sessionId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const login = await request(app.url).post('/api/auth/login').send(app.admin).expect(200);
    adminId = login.body.user.id;
    sessionId = JSON.parse(Buffer.from(login.body.accessToken.split('.')[1], 'base64url').toString()).sid;
  });
  afterAll(() => app.close());

  /** A token signed with the app's own secret: only its claims are wrong. */
  const signed = (claims: Record<string, unknown>, subject?: string) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('enlace').setIssuedAt().setExpirationTime('5m');
    if (subject !== undefined) jwt.setSubject(subject);
    return jwt.sign(new TextEncoder().encode(app.config.jwtSecret));
  };

  it('accepts a well-formed token signed with the secret (the other cases differ from it in one claim)', async () => {
    await request(app.url).get('/api/me').auth(await signed({ gen: 0, sid: sessionId }, adminId), { type: 'bearer' }).expect(200);
  });

  it.each([
    ['a subject that is not a UUID', () => ({ gen: 0, sid: sessionId }), 'not-a-uuid'],
    ['a subject with SQL in it', () => ({ gen: 0, sid: sessionId }), "' OR 1=1 --"],
    ['a generation beyond the integer column', () => ({ gen: 2 ** 40, sid: sessionId }), undefined],
    ['a generation that is a string', () => ({ gen: '0', sid: sessionId }), undefined],
    ['a session that is not a UUID', () => ({ gen: 0, sid: 'session-1' }), undefined],
    ['no session', () => ({ gen: 0 }), undefined],
    ['an unknown session', () => ({ gen: 0, sid: randomUUID() }), undefined],
  ])('answers 401 UNAUTHENTICATED to a signed token with %s', async (_case, claims, subject) => {
    const token = await signed(claims(), subject ?? adminId);
    const response = await request(app.url).get('/api/me').auth(token, { type: 'bearer' }).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    await expect(connectClient(app.url, token)).rejects.toThrow('UNAUTHENTICATED');
  });
});
