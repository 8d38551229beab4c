import request from 'supertest';
import type { WorkspaceActivityDto } from '@enlace/shared';
import { bearer, createAccount, startWithOrganization, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace, invite } from '../factories/workspace.factory.js';
import { connectClient } from '../support/socket.js';
import type { TestApp } from '../support/test-app.js';

describe('the start page: my workspaces by activity, unread counts and my invitations', () => {
  let app: TestApp;
  let admin: SignedIn;
  let organizationId: string;

  beforeAll(async () => {
    ({ app, admin, organizationId } = await startWithOrganization());
  });
  afterAll(() => app.close());

  const home = async (who: SignedIn, query = ''): Promise<WorkspaceActivityDto[]> => (await request(app.url).get(`/api/me/workspaces${query}`).set(bearer(who)).expect(200)).body.items;
  const unreadOf = async (who: SignedIn, workspaceId: string) => (await home(who)).find((w) => w.id === workspaceId)?.unread;

  it('lists the caller’s memberships in /api/me', async () => {
    const owner = await createAccount(app, admin, organizationId);
    const workspace = await createWorkspace(app, owner);
    const me = await request(app.url).get('/api/me').set(bearer(owner)).expect(200);
    expect(me.body.memberships).toEqual([{ workspaceId: workspace.id, role: 'owner' }]);
  });

  it('orders the caller’s workspaces by their latest activity, with kind and role, and only theirs', async () => {
    const owner = await createAccount(app, admin, organizationId);
    const colleague = await createAccount(app, admin, organizationId);
    const older = await createWorkspace(app, owner, { title: 'Older', kind: 'case' });
    const newer = await createWorkspace(app, owner, { title: 'Newer' });
    const theirs = await createWorkspace(app, colleague, { title: 'Not mine' });
    expect((await home(owner)).map((w) => w.title)).toEqual(['Newer', 'Older']);

    // Something happens in the older one: it comes first.
    await createCard(app, owner, await defaultBoard(app, owner, older.id), 'Fresh');
    const list = await home(owner);
    expect(list.map((w) => [w.title, w.kind, w.myRole])).toEqual([
      ['Older', 'case', 'owner'],
      ['Newer', 'coordination', 'owner'],
    ]);
    expect(new Date(list[0].lastActivityAt).getTime()).toBeGreaterThan(new Date(list[1].lastActivityAt).getTime());
    expect(list.map((w) => w.id)).toEqual([older.id, newer.id]);
    expect(list.map((w) => w.id)).not.toContain(theirs.id);
  });

  it('counts what others did since the member last opened the workspace, recorded when they subscribe', async () => {
    const owner = await createAccount(app, admin, organizationId);
    const member = await createAccount(app, admin, organizationId);
    const workspace = await createWorkspace(app, owner);
    await addMember(app, owner, workspace.id, member, 'contributor');
    const board = await defaultBoard(app, owner, workspace.id);

    // The member's own doings are not news to them.
    await createCard(app, member, board, 'Mine');
    expect(await unreadOf(member, workspace.id)).toBe(0);
    await createCard(app, owner, board, 'One');
    await createCard(app, owner, board, 'Two');
    expect(await unreadOf(member, workspace.id)).toBe(2);

    const client = await connectClient(app.url, member.token);
    try {
      expect(await client.subscribe(workspace.id)).toMatchObject({ ok: true });
      await expectEventually(async () => (await unreadOf(member, workspace.id)) === 0);
      // Seen while viewing: what arrives during the visit is not unread after leaving.
      await createCard(app, owner, board, 'Three');
      await client.waitFor(() => client.events.some((e) => e.type === 'card.created'), 'the live card');
    } finally {
      client.close();
    }
    await expectEventually(async () => (await unreadOf(member, workspace.id)) === 0);
    await createCard(app, owner, board, 'Four');
    expect(await unreadOf(member, workspace.id)).toBe(1);
  });

  it('filters by status, so archived workspaces can be found', async () => {
    const owner = await createAccount(app, admin, organizationId);
    const kept = await createWorkspace(app, owner, { title: 'Kept' });
    const archived = await createWorkspace(app, owner, { title: 'Done' });
    await request(app.url).patch(`/api/workspaces/${archived.id}`).set(bearer(owner)).send({ version: 1, status: 'archived' }).expect(200);
    expect((await home(owner, '?status=active')).map((w) => w.id)).toEqual([kept.id]);
    expect((await home(owner, '?status=archived')).map((w) => w.id)).toEqual([archived.id]);
    expect((await request(app.url).get('/api/me/workspaces?status=deleted').set(bearer(owner)).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists the open cards assigned to me across my active workspaces, the soonest due first', async () => {
    const owner = await createAccount(app, admin, organizationId);
    const member = await createAccount(app, admin, organizationId);
    const first = await createWorkspace(app, owner, { title: 'Primera' });
    const second = await createWorkspace(app, owner, { title: 'Segunda' });
    const closed = await createWorkspace(app, owner, { title: 'Cerrada' });
    for (const workspace of [first, second, closed]) await addMember(app, owner, workspace.id, member, 'contributor');
    const assign = async (workspaceId: string, title: string, patch: Record<string, unknown>) => {
      const card = await createCard(app, owner, await defaultBoard(app, owner, workspaceId), title);
      await request(app.url).patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: card.version, ...patch }).expect(200);
      return card;
    };
    await assign(first.id, 'Later', { assigneeIds: [member.user.id], dueDate: '2027-03-01' });
    await assign(second.id, 'Sooner', { assigneeIds: [member.user.id, owner.user.id], dueDate: '2027-01-15' });
    await assign(second.id, 'Undated', { assigneeIds: [member.user.id] });
    await assign(first.id, 'Not mine', { assigneeIds: [owner.user.id], dueDate: '2026-12-31' });
    const archivedCard = await assign(first.id, 'Archived card', { assigneeIds: [member.user.id] });
    await request(app.url).patch(`/api/cards/${archivedCard.id}`).set(bearer(owner)).send({ version: archivedCard.version + 1, archived: true }).expect(200);
    await assign(closed.id, 'In an archived workspace', { assigneeIds: [member.user.id] });
    await request(app.url).patch(`/api/workspaces/${closed.id}`).set(bearer(owner)).send({ version: 1, status: 'archived' }).expect(200);

    const mine = await request(app.url).get('/api/me/cards').set(bearer(member)).expect(200);
    expect(mine.body.items.map((c: { title: string; workspaceTitle: string; columnTitle: string; dueDate: string | null }) => [c.title, c.workspaceTitle, c.columnTitle, c.dueDate])).toEqual([
      ['Sooner', 'Segunda', 'To do', '2027-01-15'],
      ['Later', 'Primera', 'To do', '2027-03-01'],
      ['Undated', 'Segunda', 'To do', null],
    ]);

    // Leaving a workspace takes its cards off the list, even those still assigned.
    await request(app.url).delete(`/api/workspaces/${second.id}/members/${member.user.id}`).set(bearer(member)).expect(204);
    expect((await request(app.url).get('/api/me/cards').set(bearer(member)).expect(200)).body.items.map((c: { title: string }) => c.title)).toEqual(['Later']);
  });

  it('lists the invitations addressed to me, and lets me accept or decline them in place', async () => {
    const owner = await createAccount(app, admin, organizationId);
    const invitee = await createAccount(app, admin, organizationId);
    const stranger = await createAccount(app, admin, organizationId);
    const first = await createWorkspace(app, owner, { title: 'Primera', kind: 'case' });
    const second = await createWorkspace(app, owner, { title: 'Segunda' });
    const a = await invite(app, owner, first.id, invitee.user.email, 'contributor');
    const b = await invite(app, owner, second.id, invitee.user.email, 'observer');
    await invite(app, owner, second.id, stranger.user.email, 'observer');

    const inbox = await request(app.url).get('/api/me/invitations').set(bearer(invitee)).expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ id: b.id, workspaceId: second.id, workspaceTitle: 'Segunda', workspaceKind: 'coordination', role: 'observer', inviterName: owner.user.displayName }),
      expect.objectContaining({ id: a.id, workspaceId: first.id, workspaceTitle: 'Primera', workspaceKind: 'case', role: 'contributor' }),
    ]);

    // Somebody else's invitation does not exist for me.
    expect((await request(app.url).post(`/api/me/invitations/${a.id}/accept`).set(bearer(stranger)).send({}).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await request(app.url).post(`/api/me/invitations/${a.id}/decline`).set(bearer(stranger)).expect(404)).body.code).toBe('NOT_FOUND');

    expect((await request(app.url).post(`/api/me/invitations/${a.id}/accept`).set(bearer(invitee)).send({}).expect(200)).body).toEqual({ workspaceId: first.id });
    await request(app.url).post(`/api/me/invitations/${b.id}/decline`).set(bearer(invitee)).expect(204);
    expect((await request(app.url).post(`/api/me/invitations/${b.id}/accept`).set(bearer(invitee)).send({}).expect(410)).body.code).toBe('INVITATION_USED');

    expect((await request(app.url).get('/api/me/invitations').set(bearer(invitee)).expect(200)).body.items).toEqual([]);
    expect((await home(invitee)).map((w) => [w.id, w.myRole])).toEqual([[first.id, 'contributor']]);
    await request(app.url).get(`/api/workspaces/${second.id}`).set(bearer(invitee)).expect(404);
    // The link of the accepted invitation is spent too.
    expect((await request(app.url).get(`/api/invitations/${a.token}`).expect(410)).body.code).toBe('INVITATION_USED');
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
