import request from 'supertest';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('workspace settings: rename, describe, archive, restore, and finding archived workspaces', () => {
  let app: TestApp;
  let owner: SignedIn;
  let coordinator: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const organization = await createOrganization(app, admin);
    owner = await createAccount(app, admin, organization.id);
    coordinator = await createAccount(app, admin, organization.id);
  });
  afterAll(() => app.close());

  const as = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });
  const patch = (who: SignedIn, id: string, body: Record<string, unknown>) => request(app.url).patch(`/api/workspaces/${id}`).set(as(who)).send(body);
  const listed = async (who: SignedIn, status?: string) =>
    (await request(app.url).get(`/api/workspaces${status ? `?status=${status}` : ''}`).set(as(who)).expect(200)).body.items.map((w: { title: string }) => w.title);

  it('records each settings change as its catalogued event, readable by every member', async () => {
    const workspace = await createWorkspace(app, owner, { title: 'Mesa' });
    await addMember(app, owner, workspace.id, coordinator, 'coordinator');
    await patch(coordinator, workspace.id, { version: 1, title: 'Mesa norte', description: 'Coordinación en la frontera norte' }).expect(200);
    expect((await patch(coordinator, workspace.id, { version: 2, status: 'archived' }).expect(403)).body.code).toBe('FORBIDDEN');
    const archived = await patch(owner, workspace.id, { version: 2, status: 'archived' }).expect(200);
    await patch(owner, workspace.id, { version: archived.body.version, status: 'active' }).expect(200);

    const events = await request(app.url).get(`/api/workspaces/${workspace.id}/events?after=0`).set(as(coordinator)).expect(200);
    const settings = events.body.items.filter((e: { entityType: string }) => e.entityType === 'workspace');
    expect(settings.map((e: { type: string; payload: { title: string; status: string } }) => [e.type, e.payload.title, e.payload.status])).toEqual([
      ['workspace.created', 'Mesa', 'active'],
      ['workspace.updated', 'Mesa norte', 'active'],
      ['workspace.archived', 'Mesa norte', 'archived'],
      ['workspace.restored', 'Mesa norte', 'active'],
    ]);
  });

  it('lists archived workspaces apart: every workspace by default, or only the active or only the archived ones', async () => {
    const viewer = coordinator;
    const active = await createWorkspace(app, owner, { title: 'Activo' });
    const done = await createWorkspace(app, owner, { title: 'Cerrado' });
    await addMember(app, owner, active.id, viewer, 'observer');
    await addMember(app, owner, done.id, viewer, 'observer');
    await patch(owner, done.id, { version: 1, status: 'archived' }).expect(200);

    expect(await listed(viewer, 'archived')).toEqual(['Cerrado']);
    expect(await listed(viewer, 'active')).not.toContain('Cerrado');
    expect(await listed(viewer, 'active')).toContain('Activo');
    expect(await listed(viewer)).toEqual(expect.arrayContaining(['Activo', 'Cerrado']));
    expect((await request(app.url).get('/api/workspaces?status=gone').set(as(viewer)).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});
