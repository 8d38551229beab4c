import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MemberDto } from '@enlace/shared';
import { createAccount, createOrganization, signIn, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createWorkspace, invite } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'a-long-enough-password';

describe('organisations for invited outsiders: verified domains and join requests', () => {
  let app: TestApp;
  let admin: SignedIn;
  let ministry: { id: string };
  let ngo: { id: string; name: string };
  let other: { id: string };
  let owner: SignedIn;
  let ngoAdmin: SignedIn;
  let otherAdmin: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    ministry = await createOrganization(app, admin, { kind: 'central_government' });
    ngo = await createOrganization(app, admin, { kind: 'civil_society', name: 'Fundación Refugio' });
    other = await createOrganization(app, admin, { kind: 'civil_society' });
    owner = await createAccount(app, admin, ministry.id);
    ngoAdmin = await createAccount(app, admin, ngo.id, { orgRole: 'org_admin' });
    otherAdmin = await createAccount(app, admin, other.id, { orgRole: 'org_admin' });
  });
  afterAll(() => app.close());

  const as = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });
  const platformEvents = async (type: string): Promise<Array<{ payload: Record<string, unknown>; actor_id: string | null }>> =>
    app.app.get(DataSource).query(`SELECT payload, actor_id FROM platform_events WHERE type = $1 ORDER BY seq`, [type]);
  /** Invited by the ministry's owner; accepts, creating an account, asking `organizationId` when given. */
  async function newcomer(email: string, organizationId?: string): Promise<{ person: SignedIn; workspaceId: string }> {
    const workspace = await createWorkspace(app, owner);
    const invitation = await invite(app, owner, workspace.id, email, 'contributor');
    await request(app.url)
      .post(`/api/invitations/${invitation.token}/accept`)
      .send({ displayName: `Person ${email}`, password: PASSWORD, ...(organizationId && { organizationId }) })
      .expect(200);
    return { person: await signIn(app, email, PASSWORD), workspaceId: workspace.id };
  }
  const me = async (who: SignedIn) => (await request(app.url).get('/api/me').set(as(who)).expect(200)).body;
  const memberRow = async (workspaceId: string, userId: string): Promise<MemberDto> =>
    (await request(app.url).get(`/api/workspaces/${workspaceId}/members`).set(as(owner)).expect(200)).body.items.find((m: MemberDto) => m.userId === userId);

  it('lets platform administrators give an organisation verified domains, each domain one organisation’s only', async () => {
    const set = await request(app.url).patch(`/api/organizations/${ngo.id}`).set(as(admin)).send({ domains: ['Refugio.org.ar', 'refugio.test'] }).expect(200);
    expect(set.body.domains).toEqual(['refugio.org.ar', 'refugio.test']);
    expect((await request(app.url).get(`/api/organizations/${ngo.id}`).set(as(owner)).expect(200)).body.domains).toEqual(['refugio.org.ar', 'refugio.test']);

    const taken = await request(app.url).patch(`/api/organizations/${other.id}`).set(as(admin)).send({ domains: ['refugio.test', 'other.test'] }).expect(409);
    expect(taken.body).toMatchObject({ code: 'DOMAIN_TAKEN', details: { domains: ['refugio.test'] } });
    expect((await request(app.url).get(`/api/organizations/${other.id}`).set(as(admin)).expect(200)).body.domains).toEqual([]);

    expect((await request(app.url).patch(`/api/organizations/${ngo.id}`).set(as(ngoAdmin)).send({ domains: ['mine.test'] }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await request(app.url).patch(`/api/organizations/${ngo.id}`).set(as(admin)).send({ domains: ['not a domain'] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await platformEvents('organization.domains_set')).map((e) => e.payload)).toEqual([{ organizationId: ngo.id, domains: ['refugio.org.ar', 'refugio.test'] }]);
  });

  it('puts an invitee whose e-mail is at a verified domain in that organisation when the account is created', async () => {
    const { person, workspaceId } = await newcomer('ana@refugio.test');
    expect((await me(person)).organization).toMatchObject({ id: ngo.id, name: 'Fundación Refugio' });
    expect(await memberRow(workspaceId, person.user.id)).toMatchObject({ organizationId: ngo.id, organizationName: 'Fundación Refugio', unconfirmedOrganization: null });
    expect((await platformEvents('organization.member_joined')).map((e) => e.payload)).toContainEqual({ organizationId: ngo.id, userId: person.user.id, via: 'domain' });
  });

  it('puts an existing account without an organisation in its domain’s organisation when it accepts an invitation', async () => {
    const { person } = await newcomer('luis@late.test');
    expect((await me(person)).organization).toBeNull();
    await request(app.url).patch(`/api/organizations/${other.id}`).set(as(admin)).send({ domains: ['late.test'] }).expect(200);
    const workspace = await createWorkspace(app, owner);
    const invitation = await invite(app, owner, workspace.id, 'luis@late.test', 'observer');
    await request(app.url).post(`/api/me/invitations/${invitation.id}/accept`).set(as(person)).send({}).expect(200);
    expect((await me(person)).organization).toMatchObject({ id: other.id });
  });

  it('asks the organisation chosen from the directory to confirm the invitee, who shows as unconfirmed until approved', async () => {
    const { person, workspaceId } = await newcomer('maria@gmail.test', ngo.id);
    const mine = await me(person);
    expect(mine.organization).toBeNull();
    expect(mine.unconfirmedOrganization).toEqual({ id: ngo.id, name: 'Fundación Refugio' });
    expect(await memberRow(workspaceId, person.user.id)).toMatchObject({ organizationId: null, organizationName: null, unconfirmedOrganization: { id: ngo.id, name: 'Fundación Refugio' } });

    // Only that organisation's admins (and the platform's) see and decide the request.
    expect((await request(app.url).get(`/api/organizations/${ngo.id}/join-requests`).set(as(otherAdmin)).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await request(app.url).get(`/api/organizations/${ngo.id}/join-requests`).set(as(person)).expect(403)).body.code).toBe('FORBIDDEN');
    const requests = await request(app.url).get(`/api/organizations/${ngo.id}/join-requests`).set(as(ngoAdmin)).expect(200);
    const request_ = requests.body.items.find((r: { userId: string }) => r.userId === person.user.id);
    expect(request_).toMatchObject({ organizationId: ngo.id, email: 'maria@gmail.test', status: 'pending', decidedAt: null });
    expect((await request(app.url).post(`/api/organizations/${ngo.id}/join-requests/${request_.id}/approve`).set(as(otherAdmin)).expect(403)).body.code).toBe('FORBIDDEN');
    // Another organisation's id in the path finds nothing.
    await request(app.url).post(`/api/organizations/${other.id}/join-requests/${request_.id}/approve`).set(as(otherAdmin)).expect(404);

    const approved = await request(app.url).post(`/api/organizations/${ngo.id}/join-requests/${request_.id}/approve`).set(as(ngoAdmin)).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expect(await memberRow(workspaceId, person.user.id)).toMatchObject({ organizationId: ngo.id, organizationName: 'Fundación Refugio', unconfirmedOrganization: null });
    expect((await me(person)).unconfirmedOrganization).toBeNull();
    expect((await request(app.url).post(`/api/organizations/${ngo.id}/join-requests/${request_.id}/reject`).set(as(ngoAdmin)).expect(409)).body.code).toBe('JOIN_REQUEST_DECIDED');
    expect((await platformEvents('organization.join_approved')).map((e) => [e.payload.userId, e.actor_id])).toContainEqual([person.user.id, ngoAdmin.user.id]);
  });

  it('lets a person without an organisation ask one after accepting, and refuses it to anyone who has one', async () => {
    const { person, workspaceId } = await newcomer('sofia@outlook.test');
    expect((await me(person)).unconfirmedOrganization).toBeNull();
    await request(app.url).post('/api/me/organization-request').set(as(person)).send({ organizationId: other.id }).expect(204);
    // Asking again elsewhere replaces the earlier request.
    await request(app.url).post('/api/me/organization-request').set(as(person)).send({ organizationId: ngo.id }).expect(204);
    expect(await memberRow(workspaceId, person.user.id)).toMatchObject({ unconfirmedOrganization: { id: ngo.id } });
    expect((await request(app.url).get(`/api/organizations/${other.id}/join-requests`).set(as(otherAdmin)).expect(200)).body.items.map((r: { userId: string }) => r.userId)).not.toContain(person.user.id);
    expect((await platformEvents('organization.join_withdrawn')).map((e) => e.payload.userId)).toContain(person.user.id);

    expect((await request(app.url).post('/api/me/organization-request').set(as(owner)).send({ organizationId: ngo.id }).expect(409)).body.code).toBe('CONFLICT');
    expect((await request(app.url).post('/api/me/organization-request').set(as(person)).send({ organizationId: 'nope' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('leaves a rejected invitee without an organisation', async () => {
    const { person } = await newcomer('pedro@yahoo.test', ngo.id);
    const [pending] = (await request(app.url).get(`/api/organizations/${ngo.id}/join-requests`).set(as(admin)).expect(200)).body.items.filter((r: { userId: string }) => r.userId === person.user.id);
    await request(app.url).post(`/api/organizations/${ngo.id}/join-requests/${pending.id}/reject`).set(as(ngoAdmin)).expect(200);
    const mine = await me(person);
    expect(mine.organization).toBeNull();
    expect(mine.unconfirmedOrganization).toBeNull();
  });

  it('never moves a person who has an organisation, and refuses an unknown organisation without accepting', async () => {
    const ministryPerson = await createAccount(app, admin, ministry.id, { email: 'staff@refugio.test' });
    const workspace = await createWorkspace(app, owner);
    const invitation = await invite(app, owner, workspace.id, ministryPerson.user.email, 'observer');
    await request(app.url).post(`/api/me/invitations/${invitation.id}/accept`).set(as(ministryPerson)).send({ organizationId: ngo.id }).expect(200);
    const mine = await me(ministryPerson);
    expect(mine.organization.id).toBe(ministry.id);
    expect(mine.unconfirmedOrganization).toBeNull();

    const outsider = await newcomer('nobody@hotmail.test');
    const next = await createWorkspace(app, owner);
    const pending = await invite(app, owner, next.id, 'nobody@hotmail.test', 'observer');
    const unknown = await request(app.url).post(`/api/me/invitations/${pending.id}/accept`).set(as(outsider.person)).send({ organizationId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expect((await request(app.url).get('/api/me/invitations').set(as(outsider.person)).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([pending.id]);
    await request(app.url).get(`/api/workspaces/${next.id}`).set(as(outsider.person)).expect(404);
  });
});
