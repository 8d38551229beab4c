import request from 'supertest';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const refreshCookie = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('enlace_refresh='))!;
const cookieValue = (cookie: string) => cookie.split(';')[0];

describe('authentication', () => {
  let app: TestApp;
  let admin: SignedIn;
  /** Someone without a second factor: signing in is one step. */
  let person: { email: string; password: string };

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
    admin = await signInAdmin(app);
    const account = await createAccount(app, admin, (await createOrganization(app, admin)).id);
    person = { email: account.user.email, password: account.password };
  });
  afterAll(() => app.close());

  it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
    const unknown = await request(app.url).post('/api/auth/login').send({ email: 'nobody@enlace.test', password: 'whatever-password' }).expect(401);
    const wrong = await request(app.url).post('/api/auth/login').send({ email: person.email, password: 'wrong-password-1' }).expect(401);
    expect(unknown.body.code).toBe('UNAUTHENTICATED');
    expect({ ...wrong.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
  });

  it('sets the refresh token as an httpOnly, SameSite=strict cookie scoped to /api/auth', async () => {
    const response = await request(app.url).post('/api/auth/login').send(person).expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.user).toMatchObject({ email: person.email, platformAdmin: false });
    const cookie = refreshCookie(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  it('rotates the refresh token and revokes the whole family when an old one is replayed', async () => {
    const login = await request(app.url).post('/api/auth/login').send(person).expect(200);
    const first = cookieValue(refreshCookie(login));

    const rotated = await request(app.url).post('/api/auth/refresh').set('Cookie', first).expect(200);
    const second = cookieValue(refreshCookie(rotated));
    expect(second).not.toBe(first);
    await request(app.url).get('/api/me').auth(rotated.body.accessToken, { type: 'bearer' }).expect(200);

    // The first token was already used: someone replays it, so every token of that sign-in dies.
    const replay = await request(app.url).post('/api/auth/refresh').set('Cookie', first).expect(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
    await request(app.url).post('/api/auth/refresh').set('Cookie', second).expect(401);
  });

  it('ends the session family on logout', async () => {
    const login = await request(app.url).post('/api/auth/login').send(person).expect(200);
    const token = cookieValue(refreshCookie(login));
    await request(app.url).post('/api/auth/logout').set('Cookie', token).expect(204);
    await request(app.url).post('/api/auth/refresh').set('Cookie', token).expect(401);
  });

  it('refuses requests without a valid bearer token', async () => {
    await request(app.url).get('/api/me').expect(401);
    await request(app.url).get('/api/me').auth('not-a-jwt', { type: 'bearer' }).expect(401);
    const tampered = `${admin.token.slice(0, -4)}AAAA`;
    const response = await request(app.url).get('/api/me').auth(tampered, { type: 'bearer' }).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('limits repeated failed logins per account with 429 and Retry-After, even with the right password', async () => {
    const org = await createOrganization(app, admin);
    const victim = await createAccount(app, admin, org.id);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await request(app.url).post('/api/auth/login').send({ email: victim.user.email, password: 'guessing-wrong-1' }).expect(401);
    }
    const limited = await request(app.url).post('/api/auth/login').send({ email: victim.user.email, password: victim.password }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are not locked out by someone guessing at this one.
    await request(app.url).post('/api/auth/login').send(person).expect(200);
  });
});

describe('API hygiene', () => {
  let app: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterAll(() => app.close());

  it('refuses unknown fields with VALIDATION_FAILED and creates nothing', async () => {
    const response = await request(app.url)
      .post('/api/organizations')
      .auth(admin.token, { type: 'bearer' })
      .send({ name: 'Sneaky org', kind: 'civil_society', country: 'AR', isTrusted: true })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unrecognized_keys' })]));
    const list = await request(app.url).get('/api/organizations').auth(admin.token, { type: 'bearer' }).expect(200);
    expect(list.body.items.map((o: { name: string }) => o.name)).not.toContain('Sneaky org');
  });

  it.each([
    ['a kind outside the list', { name: 'Org', kind: 'company', country: 'AR' }],
    ['a lower-case country code', { name: 'Org', kind: 'civil_society', country: 'ar' }],
    ['a jurisdiction on a non-local organisation', { name: 'Org', kind: 'civil_society', country: 'AR', jurisdiction: 'X' }],
    ['a missing name', { kind: 'civil_society', country: 'AR' }],
  ])('refuses %s', async (_case, body) => {
    const response = await request(app.url).post('/api/organizations').auth(admin.token, { type: 'bearer' }).send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses malformed JSON with VALIDATION_FAILED', async () => {
    const response = await request(app.url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c",')
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a password shorter than 12 characters for a new account', async () => {
    const org = await createOrganization(app, admin);
    const response = await request(app.url)
      .post(`/api/organizations/${org.id}/users`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email: 'short@enlace.test', displayName: 'Short', password: 'elevenchars', orgRole: 'member' })
      .expect(400);
    expect(response.body.details[0].path).toBe('password');
  });

  it('sends security headers and a request id', async () => {
    const response = await request(app.url).get('/api/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes with the error shape', async () => {
    const response = await request(app.url).get('/api/no-such-route').auth(admin.token, { type: 'bearer' }).expect(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('publishes the OpenAPI document with request schemas from the shared package', async () => {
    const response = await request(app.url).get('/api/docs-json').expect(200);
    const body = response.body.paths['/api/organizations'].post.requestBody.content['application/json'].schema;
    expect(body).toEqual({ $ref: '#/components/schemas/CreateOrganizationDto' });
    expect(response.body.components.schemas.CreateOrganizationDto.properties.kind.enum).toContain('civil_society');
  });

  it('reports health of the database (and Redis when configured)', async () => {
    const response = await request(app.url).get('/api/health').expect(200);
    expect(response.body.database).toBe('up');
    if (process.env.REDIS_URL) expect(response.body.redis).toBe('up');
  });
});

const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL) console.warn('Skipping the shared rate-limit test: REDIS_URL is not set (CI sets it).');

withRedis('login limits shared through Redis', () => {
  it('counts failures made on one server process against logins on another', async () => {
    const first = await startTestApp({ LOGIN_MAX_ATTEMPTS: '2', REDIS_PREFIX: `enlace-test:shared-${Date.now()}:` });
    const second = await startTestApp({ REDIS_PREFIX: first.config.redisPrefix, LOGIN_MAX_ATTEMPTS: '2' }, first.database);
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await request(first.url).post('/api/auth/login').send({ email: first.admin.email, password: 'wrong-password-x' }).expect(401);
      }
      const limited = await request(second.url).post('/api/auth/login').send({ email: first.admin.email, password: 'wrong-password-x' }).expect(429);
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      await second.close();
      await first.close();
    }
  });
});
