import { request as httpRequest } from 'node:http';
import { createAccount, createOrganization, signInAdmin, type NewAccount, type SignedIn } from '../factories/accounts.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Answer {
  status: number;
  retryAfter?: string;
}

/**
 * A login sent from a given loopback address (any of 127.0.0.0/8 reaches the test server), so that tests can
 * act as several client addresses, as people behind different NATs would be.
 */
function loginFrom(app: TestApp, address: string, email: string, password: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const outgoing = httpRequest(
      new URL('/api/auth/login', app.url),
      { method: 'POST', localAddress: address, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode!, retryAfter: response.headers['retry-after'] as string | undefined }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const OFFICE = '127.0.0.1';
const wrong = (n: number) => `wrong-password-${n}`;
const count = (answers: Answer[], status: number) => answers.filter((answer) => answer.status === status).length;

describe('sign-in limits', () => {
  let app: TestApp;
  let admin: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    // The defaults, but for the per-account limit, set apart from the per-account-and-address one.
    app = await startTestApp({ LOGIN_MAX_ATTEMPTS: '5', LOGIN_ACCOUNT_MAX_ATTEMPTS: '8' });
    admin = await signInAdmin(app);
    orgId = (await createOrganization(app, admin)).id;
  });
  afterAll(() => app.close());

  const newAccount = (): Promise<NewAccount> => createAccount(app, admin, orgId);

  it('evaluates no more simultaneous wrong logins for one account than the limit, and then refuses the right one', async () => {
    const victim = await newAccount();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => loginFrom(app, OFFICE, victim.user.email, wrong(n))));
    expect(count(answers, 401)).toBe(5);
    expect(count(answers, 429)).toBe(35);
    const right = await loginFrom(app, OFFICE, victim.user.email, victim.password);
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
  });

  it('lets a colleague sign in from an office address after other accounts were attacked from it', async () => {
    const colleague = await newAccount();
    const victims = await Promise.all([newAccount(), newAccount(), newAccount(), newAccount(), newAccount()]);
    // 25 failures from one address: more than the old per-address limit of 20.
    for (const victim of victims) {
      const answers = await Promise.all([0, 1, 2, 3, 4].map((n) => loginFrom(app, OFFICE, victim.user.email, wrong(n))));
      expect(count(answers, 401)).toBe(5);
    }
    // Each victim is locked at this address, even with the right password...
    expect((await loginFrom(app, OFFICE, victims[0].user.email, victims[0].password)).status).toBe(429);
    // ...but the colleague behind the same address is not.
    expect((await loginFrom(app, OFFICE, colleague.user.email, colleague.password)).status).toBe(200);
    // Six accounts made and 27 passwords checked, each an argon2 hash: past 30 s when the 2 cores are busy.
  }, 90_000);

  it('locks one account and address after a person’s typos, not the same account from elsewhere', async () => {
    const person = await newAccount();
    for (let n = 0; n < 5; n += 1) expect((await loginFrom(app, '127.0.0.2', person.user.email, wrong(n))).status).toBe(401);
    expect((await loginFrom(app, '127.0.0.2', person.user.email, person.password)).status).toBe(429);
    expect((await loginFrom(app, '127.0.0.3', person.user.email, person.password)).status).toBe(200);
  });

  it('locks an account guessed at from many addresses, everywhere, while other accounts still sign in', async () => {
    const victim = await newAccount();
    const colleague = await newAccount();
    for (let n = 0; n < 8; n += 1) expect((await loginFrom(app, `127.0.1.${n + 1}`, victim.user.email, wrong(n))).status).toBe(401);
    const limited = await loginFrom(app, '127.0.1.100', victim.user.email, victim.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect((await loginFrom(app, '127.0.1.100', colleague.user.email, colleague.password)).status).toBe(200);
  });

  it('gives a successful login back: it does not count towards any limit', async () => {
    const person = await newAccount();
    for (let n = 0; n < 12; n += 1) expect((await loginFrom(app, '127.0.2.1', person.user.email, person.password)).status).toBe(200);
  });
});

describe('password spraying from one address', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_ATTEMPTS: '2', LOGIN_ADDRESS_MAX_ATTEMPTS: '6' });
  });
  afterAll(() => app.close());

  it('stops an address that tries one password on many accounts, and only that address', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => loginFrom(app, '127.0.3.1', `person-${n}@enlace.test`, 'Spring2026!')));
    expect(count(answers, 401)).toBe(6);
    expect(count(answers, 429)).toBe(4);
    expect((await loginFrom(app, '127.0.3.1', app.admin.email, app.admin.password)).status).toBe(429);
    expect((await loginFrom(app, '127.0.3.2', app.admin.email, app.admin.password)).status).toBe(200);
  });
});

const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL) console.warn('Skipping the two-process sign-in limit test: it needs REDIS_URL (CI sets it).');

withRedis('sign-in limits across two server processes', () => {
  it('lets no more than the limit of simultaneous wrong logins through, split over both processes', async () => {
    const a = await startTestApp({ REDIS_PREFIX: `enlace-test:limits-${Date.now()}:` });
    const b = await startTestApp({ REDIS_PREFIX: a.config.redisPrefix }, a.database);
    try {
      const email = a.admin.email;
      const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => loginFrom(n % 2 ? b : a, OFFICE, email, wrong(n))));
      expect(count(answers, 401)).toBe(5);
      expect(count(answers, 429)).toBe(45);
      expect((await loginFrom(b, OFFICE, email, a.admin.password)).status).toBe(429);
      expect((await loginFrom(a, OFFICE, email, a.admin.password)).status).toBe(429);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
