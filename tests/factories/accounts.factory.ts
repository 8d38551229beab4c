import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { CreateOrganizationInput, OrganizationDto, OrgRole, UserDto } from '@enlace/shared';
import type { TestApp } from '../support/test-app.js';

export interface SignedIn {
  token: string;
  user: UserDto;
}

const unique = () => randomBytes(4).toString('hex');

export async function signIn(app: TestApp, email: string, password: string): Promise<SignedIn> {
  const response = await request(app.url).post('/api/auth/login').send({ email, password }).expect(200);
  return { token: response.body.accessToken, user: response.body.user };
}

export const signInAdmin = (app: TestApp) => signIn(app, app.admin.email, app.admin.password);

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
