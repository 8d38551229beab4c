import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import request from 'supertest';
import type { CreateOrganizationInput, OrganizationDto, OrgRole, UserDto } from '@enlace/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

export interface SignedIn {
  token: string;
  user: UserDto;
}

const unique = () => randomBytes(4).toString('hex');

export async function signIn(app: TestApp, email: string, password: string): Promise<SignedIn> {
  const response = await request(app.url).post('/api/auth/login').send({ email, password }).expect(200);
  return { token: response.body.accessToken, user: response.body.user };
}

export interface TwoFactor {
  secret: string;
  recoveryCodes: string[];
}

/** Turns on two-factor sign-in for a signed-in account, confirming with a code computed from the secret as an app would. */
export async function enrolTwoFactor(app: TestApp, account: SignedIn): Promise<TwoFactor> {
  const started = await request(app.url).post('/api/me/two-factor').auth(account.token, { type: 'bearer' }).expect(201);
  const secret: string = started.body.secret;
  const confirmed = await request(app.url)
    .post('/api/me/two-factor/confirm')
    .auth(account.token, { type: 'bearer' })
    .send({ code: await generate({ secret }) })
    .expect(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}

/** The platform admin's second factor, per database (a restarted app keeps its admin). */
const adminTwoFactor = new Map<string, TwoFactor>();

/**
 * Platform admins must use a second factor: the first sign-in on a database enrols one; later sign-ins use
 * its recovery codes (an authenticator code would be refused twice in the same 30 seconds).
 */
export async function signInAdmin(app: TestApp): Promise<SignedIn> {
  const key = `${app.database.url}|${app.admin.email}`;
  const login = await request(app.url).post('/api/auth/login').send(app.admin).expect(200);
  if (login.body.mfaRequired) {
    const code = adminTwoFactor.get(key)?.recoveryCodes.pop();
    if (!code) throw new Error('The admin has two-factor sign-in on, but no recovery code is left in this test run');
    const response = await request(app.url).post('/api/auth/login/mfa').send({ challenge: login.body.challenge, code }).expect(200);
    return { token: response.body.accessToken, user: response.body.user };
  }
  const admin = { token: login.body.accessToken, user: login.body.user };
  if (login.body.mustEnrolTwoFactor) adminTwoFactor.set(key, await enrolTwoFactor(app, admin));
  return admin;
}

/** The Authorization header of a signed-in person's requests. */
export const bearer = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });

/** A started app with its platform admin signed in and one organisation (of `kind`) to create accounts in. */
export async function startWithOrganization(kind: CreateOrganizationInput['kind'] = 'central_government'): Promise<{ app: TestApp; admin: SignedIn; organizationId: string }> {
  const app = await startTestApp();
  const admin = await signInAdmin(app);
  return { app, admin, organizationId: (await createOrganization(app, admin, { kind })).id };
}

export async function createOrganization(app: TestApp, admin: SignedIn, overrides: Partial<CreateOrganizationInput> = {}): Promise<OrganizationDto> {
  const body: CreateOrganizationInput = { name: `Organisation ${unique()}`, kind: 'civil_society', country: 'AR', ...overrides };
  const response = await request(app.url).post('/api/organizations').auth(admin.token, { type: 'bearer' }).send(body).expect(201);
  return response.body;
}

export interface NewAccount extends SignedIn {
  password: string;
}

/** Creates an account in an organisation (as the platform admin unless `by` is given) and signs it in. */
export async function createAccount(
  app: TestApp,
  by: SignedIn,
  organizationId: string,
  options: { orgRole?: OrgRole; email?: string } = {},
): Promise<NewAccount> {
  const password = `pw-${unique()}-${unique()}`;
  const email = options.email ?? `user-${unique()}@enlace.test`;
  await request(app.url)
    .post(`/api/organizations/${organizationId}/users`)
    .auth(by.token, { type: 'bearer' })
    .send({ email, displayName: `User ${unique()}`, password, orgRole: options.orgRole ?? 'member' })
    .expect(201);
  return { ...(await signIn(app, email, password)), password };
}
