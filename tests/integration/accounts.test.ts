import request from 'supertest';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('organisations and accounts', () => {
  let app: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterAll(() => app.close());

  it('lets a platform admin create an organisation that everyone can list', async () => {
    const org = await createOrganization(app, admin, { name: 'Municipalidad de Rosario', kind: 'local_government', jurisdiction: 'Rosario' });
    expect(org).toMatchObject({ name: 'Municipalidad de Rosario', kind: 'local_government', country: 'AR', jurisdiction: 'Rosario' });
    const member = await createAccount(app, admin, org.id);
    const list = await request(app.url).get('/api/organizations').auth(member.token, { type: 'bearer' }).expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(org.id);
  });

  it('refuses organisation creation to anyone but a platform admin', async () => {
    const org = await createOrganization(app, admin);
    const orgAdmin = await createAccount(app, admin, org.id, { orgRole: 'org_admin' });
    const response = await request(app.url)
      .post('/api/organizations')
      .auth(orgAdmin.token, { type: 'bearer' })
      .send({ name: 'Rogue', kind: 'civil_society', country: 'AR' })
      .expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('lets an org admin create accounts in their own organisation only', async () => {
    const mine = await createOrganization(app, admin);
    const other = await createOrganization(app, admin);
    const orgAdmin = await createAccount(app, admin, mine.id, { orgRole: 'org_admin' });
    const created = await createAccount(app, orgAdmin, mine.id);
    expect(created.user.organizationId).toBe(mine.id);

    const refused = await request(app.url)
      .post(`/api/organizations/${other.id}/users`)
      .auth(orgAdmin.token, { type: 'bearer' })
      .send({ email: 'intruder@enlace.test', displayName: 'Intruder', password: 'long-enough-password', orgRole: 'member' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await request(app.url).post('/api/auth/login').send({ email: 'intruder@enlace.test', password: 'long-enough-password' }).expect(401);
  });

  it('refuses a plain member creating accounts, even in their own organisation', async () => {
    const org = await createOrganization(app, admin);
    const member = await createAccount(app, admin, org.id);
    await request(app.url)
      .post(`/api/organizations/${org.id}/users`)
      .auth(member.token, { type: 'bearer' })
      .send({ email: 'x@enlace.test', displayName: 'X', password: 'long-enough-password', orgRole: 'member' })
      .expect(403);
  });

  it('refuses a second account with the same e-mail, in any letter case', async () => {
    const org = await createOrganization(app, admin);
    const first = await createAccount(app, admin, org.id);
    const response = await request(app.url)
      .post(`/api/organizations/${org.id}/users`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email: first.user.email.toUpperCase(), displayName: 'Twin', password: 'long-enough-password', orgRole: 'member' })
      .expect(409);
    expect(response.body.code).toBe('EMAIL_TAKEN');
  });

  it('returns the signed-in user with their organisation from /api/me', async () => {
    const org = await createOrganization(app, admin, { name: 'Fundación Esperanza' });
    const member = await createAccount(app, admin, org.id);
    const me = await request(app.url).get('/api/me').auth(member.token, { type: 'bearer' }).expect(200);
    expect(me.body.user).toMatchObject({ id: member.user.id, organizationId: org.id, orgRole: 'member', platformAdmin: false });
    expect(me.body.user.passwordHash).toBeUndefined();
    expect(me.body.organization.name).toBe('Fundación Esperanza');
  });

  it('answers 404 for an unknown or malformed organisation id', async () => {
    await request(app.url).get('/api/organizations/00000000-0000-4000-8000-000000000000').auth(admin.token, { type: 'bearer' }).expect(404);
    const malformed = await request(app.url).get('/api/organizations/not-a-uuid').auth(admin.token, { type: 'bearer' }).expect(404);
    expect(malformed.body.code).toBe('NOT_FOUND');
  });

  it('pages organisations with a cursor', async () => {
    for (let i = 0; i < 3; i += 1) await createOrganization(app, admin);
    const first = await request(app.url).get('/api/organizations?limit=2').auth(admin.token, { type: 'bearer' }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await request(app.url)
      .get(`/api/organizations?limit=2&cursor=${first.body.nextCursor}`)
      .auth(admin.token, { type: 'bearer' })
      .expect(200);
    const firstIds = first.body.items.map((o: { id: string }) => o.id);
    for (const org of second.body.items) expect(firstIds).not.toContain(org.id);
  });
});
