import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addMember, createWorkspace, invite } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('workspaces and membership', () => {
  let app: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let colleague: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    orgId = (await createOrganization(app, admin, { kind: 'central_government' })).id;
    owner = await createAccount(app, admin, orgId);
    colleague = await createAccount(app, admin, orgId);
  });
  afterAll(() => app.close());

  const auth = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });

  it('creates a workspace with its creator as owner and the lead organisation set', async () => {
    const workspace = await createWorkspace(app, owner, { kind: 'case', title: 'Caso AR-2026-0007' });
    expect(workspace).toMatchObject({ kind: 'case', title: 'Caso AR-2026-0007', status: 'active', myRole: 'owner', leadOrganizationId: orgId, version: 1 });
    const members = await request(app.url).get(`/api/workspaces/${workspace.id}/members`).set(auth(owner)).expect(200);
    expect(members.body.items).toEqual([expect.objectContaining({ userId: owner.user.id, role: 'owner' })]);
  });

  it('lists only the caller’s workspaces, paginated, and hides the rest', async () => {
    const person = await createAccount(app, admin, orgId);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await createWorkspace(app, person, { title: `Mine ${i}` })).id);
    const foreign = await createWorkspace(app, owner, { title: 'Not theirs' });

    const first = await request(app.url).get('/api/workspaces?limit=2').set(auth(person)).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await request(app.url).get(`/api/workspaces?limit=2&cursor=${first.body.nextCursor}`).set(auth(person)).expect(200);
    const seen = [...first.body.items, ...second.body.items].map((w: { id: string }) => w.id);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(second.body.nextCursor).toBeUndefined();
    await request(app.url).get(`/api/workspaces/${foreign.id}`).set(auth(person)).expect(404);
    // The platform administrator runs the hub but sees no workspace content.
    const adminList = await request(app.url).get('/api/workspaces').set(auth(admin)).expect(200);
    expect(adminList.body.items).toEqual([]);
  });

  it('checks every id in a path against the workspace in the path', async () => {
    const a = await createWorkspace(app, owner, { title: 'A' });
    const b = await createWorkspace(app, colleague, { title: 'B' });
    const invitationInB = await invite(app, colleague, b.id, 'someone@b.test', 'observer');
    // Owner of A, naming B's invitation and B's member under A's path: neither exists there.
    await request(app.url).delete(`/api/workspaces/${a.id}/invitations/${invitationInB.id}`).set(auth(owner)).expect(404);
    await request(app.url).delete(`/api/workspaces/${a.id}/members/${colleague.user.id}`).set(auth(owner)).expect(404);
    await request(app.url).patch(`/api/workspaces/${a.id}/members/${colleague.user.id}`).set(auth(owner)).send({ role: 'observer' }).expect(404);
    const still = await request(app.url).get(`/api/workspaces/${b.id}/invitations`).set(auth(colleague)).expect(200);
    expect(still.body.items.map((i: { id: string }) => i.id)).toContain(invitationInB.id);
  });

  it('keeps at least one owner: the last owner can neither leave nor be demoted', async () => {
    const workspace = await createWorkspace(app, owner);
    const demote = await request(app.url).patch(`/api/workspaces/${workspace.id}/members/${owner.user.id}`).set(auth(owner)).send({ role: 'coordinator' }).expect(409);
    expect(demote.body.code).toBe('LAST_OWNER');
    const leave = await request(app.url).delete(`/api/workspaces/${workspace.id}/members/${owner.user.id}`).set(auth(owner)).expect(409);
    expect(leave.body.code).toBe('LAST_OWNER');

    await addMember(app, owner, workspace.id, colleague, 'owner');
    await request(app.url).delete(`/api/workspaces/${workspace.id}/members/${owner.user.id}`).set(auth(owner)).expect(204);
    await request(app.url).get(`/api/workspaces/${workspace.id}`).set(auth(owner)).expect(404);
  });

  it('lets any member leave on their own', async () => {
    const workspace = await createWorkspace(app, owner);
    const observer = await createAccount(app, admin, orgId);
    await addMember(app, owner, workspace.id, observer, 'observer');
    await request(app.url).delete(`/api/workspaces/${workspace.id}/members/${observer.user.id}`).set(auth(observer)).expect(204);
    await request(app.url).get(`/api/workspaces/${workspace.id}`).set(auth(observer)).expect(404);
  });

  it('never lets a removed member back in through an old invitation link', async () => {
    const workspace = await createWorkspace(app, owner);
    const member = await createAccount(app, admin, orgId);
    const used = await invite(app, owner, workspace.id, member.user.email, 'contributor');
    await request(app.url).post(`/api/invitations/${used.token}/accept`).set(auth(member)).send({}).expect(200);
    await request(app.url).delete(`/api/workspaces/${workspace.id}/members/${member.user.id}`).set(auth(owner)).expect(204);

    await request(app.url).post(`/api/invitations/${used.token}/accept`).set(auth(member)).send({}).expect(410);
    await request(app.url).get(`/api/workspaces/${workspace.id}`).set(auth(member)).expect(404);
  });

  it('makes an archived workspace read-only for everyone', async () => {
    const workspace = await createWorkspace(app, owner);
    await addMember(app, owner, workspace.id, colleague, 'coordinator');
    const archived = await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 1, status: 'archived' }).expect(200);
    expect(archived.body.status).toBe('archived');

    const rename = await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(colleague)).send({ version: archived.body.version, title: 'Nope' }).expect(409);
    expect(rename.body.code).toBe('WORKSPACE_ARCHIVED');
    const inviteRefused = await request(app.url).post(`/api/workspaces/${workspace.id}/invitations`).set(auth(owner)).send({ email: 'x@y.test', role: 'observer' }).expect(409);
    expect(inviteRefused.body.code).toBe('WORKSPACE_ARCHIVED');
    await request(app.url).get(`/api/workspaces/${workspace.id}`).set(auth(colleague)).expect(200);

    const restoredByCoordinator = await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(colleague)).send({ version: archived.body.version, status: 'active' }).expect(409);
    expect(restoredByCoordinator.body.code).toBe('WORKSPACE_ARCHIVED');
    const restored = await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: archived.body.version, status: 'active' }).expect(200);
    expect(restored.body.status).toBe('active');
  });

  it('refuses a stale version with 409 and the current workspace', async () => {
    const workspace = await createWorkspace(app, owner);
    await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 1, title: 'First edit' }).expect(200);
    const stale = await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 1, title: 'Second edit' }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.details.current).toMatchObject({ title: 'First edit', version: 2 });
  });

  it('appends one event per change, in a gap-free sequence, and a verifiable chain', async () => {
    const workspace = await createWorkspace(app, owner);
    await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 1, title: 'Renamed' }).expect(200);
    // A write that changes nothing appends nothing.
    await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 2, title: 'Renamed' }).expect(200);
    const refused = await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 2, title: 'x', bogus: 1 }).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');

    const events = await request(app.url).get(`/api/workspaces/${workspace.id}/events?after=0`).set(auth(owner)).expect(200);
    expect(events.body.items.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual([
      [1, 'workspace.created'],
      [2, 'member.added'],
      [3, 'board.created'],
      [4, 'workspace.updated'],
    ]);
    expect(events.body.items[3]).toMatchObject({ workspaceId: workspace.id, entityType: 'workspace', actorId: owner.user.id, payload: { title: 'Renamed', version: 2 } });
    const after = await request(app.url).get(`/api/workspaces/${workspace.id}/events?after=2&limit=1`).set(auth(owner)).expect(200);
    expect(after.body).toMatchObject({ items: [{ seq: 3 }], nextCursor: '3' });

    expect((await request(app.url).get(`/api/workspaces/${workspace.id}/audit/verify`).set(auth(owner)).expect(200)).body).toEqual({ ok: true, checked: 4, checkpoints: 0 });
  });

  it('detects a tampered event row in the audit chain', async () => {
    const workspace = await createWorkspace(app, owner);
    await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 1, title: 'Honest title' }).expect(200);
    await request(app.url).patch(`/api/workspaces/${workspace.id}`).set(auth(owner)).send({ version: 2, description: 'Later change' }).expect(200);
    await app.app
      .get(DataSource)
      .query(`UPDATE workspace_events SET payload = jsonb_set(payload, '{title}', '"Forged title"') WHERE workspace_id = $1 AND seq = 4`, [workspace.id]);
    const verdict = await request(app.url).get(`/api/workspaces/${workspace.id}/audit/verify`).set(auth(owner)).expect(200);
    expect(verdict.body).toEqual({ ok: false, checked: 3, firstBrokenSeq: 4, checkpoints: 0 });
  });
});
