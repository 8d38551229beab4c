import request from 'supertest';
import type { BoardDto, DeliveredEvent } from '@enlace/shared';
import { EventBus } from '../../server/src/events/event-bus.js';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { connectClient, settle, type RecordingClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('real time over socket.io', () => {
  let app: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let orgId: string;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    orgId = (await createOrganization(app, admin)).id;
    owner = await createAccount(app, admin, orgId);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => app.close());

  const connect = async (who: SignedIn) => {
    const client = await connectClient(app.url, who.token);
    clients.push(client);
    return client;
  };
  const seqs = (events: DeliveredEvent[], workspaceId: string) => events.filter((e) => e.workspaceId === workspaceId).map((e) => e.seq);
  const setUp = async (): Promise<{ workspaceId: string; board: BoardDto }> => {
    const workspaceId = (await createWorkspace(app, owner)).id;
    return { workspaceId, board: await defaultBoard(app, owner, workspaceId) };
  };

  it('refuses a connection without a valid token', async () => {
    await expect(connectClient(app.url, 'not-a-token')).rejects.toThrow('UNAUTHENTICATED');
  });

  it('refuses a subscription from a non-member as if the workspace did not exist', async () => {
    const { workspaceId } = await setUp();
    const stranger = await createAccount(app, admin, orgId);
    const client = await connect(stranger);
    expect(await client.subscribe(workspaceId)).toEqual({ ok: false, code: 'NOT_FOUND', message: expect.any(String) });
    expect(await client.subscribe('not-a-uuid' as string)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    await createCard(app, owner, await defaultBoard(app, owner, workspaceId), 'Secret');
    await settle();
    expect(client.events).toEqual([]);
  });

  it('acknowledges with the head seq and delivers every change in order', async () => {
    const { workspaceId, board } = await setUp();
    const client = await connect(owner);
    const ack = await client.subscribe(workspaceId, 0);
    expect(ack).toMatchObject({ ok: true });
    if (!ack.ok) return;
    expect(ack.missed.map((e) => e.seq)).toEqual(Array.from({ length: ack.seq }, (_, i) => i + 1));

    for (let i = 0; i < 20; i += 1) await createCard(app, owner, board, `Card ${i}`);
    await client.waitFor(() => seqs(client.events, workspaceId).length === 20, '20 events');
    expect(seqs(client.events, workspaceId)).toEqual(Array.from({ length: 20 }, (_, i) => ack.seq + i + 1));
    const last = client.events.at(-1)!;
    expect(last).toMatchObject({ type: 'card.created', entityType: 'card', actorId: owner.user.id, payload: { title: 'Card 19', version: 1 } });
  });

  it('gives a client that was away exactly the 50 changes it missed', async () => {
    const { workspaceId, board } = await setUp();
    const first = await connect(owner);
    const ack = await first.subscribe(workspaceId);
    if (!ack.ok) throw new Error('subscribe failed');
    first.close();

    for (let i = 0; i < 50; i += 1) await createCard(app, owner, board, `While away ${i}`);
    const again = await connect(owner);
    const resumed = await again.subscribe(workspaceId, ack.seq);
    if (!resumed.ok) throw new Error('resubscribe failed');
    expect(resumed.missed.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => ack.seq + i + 1));
    expect(resumed.missed.map((e) => (e as { payload: { title: string } }).payload.title)).toEqual(Array.from({ length: 50 }, (_, i) => `While away ${i}`));
    expect(resumed.seq).toBe(ack.seq + 50);
  });

  it('recovers a lost broadcast: the head seq reveals the gap and the event still arrives', async () => {
    const { workspaceId, board } = await setUp();
    const client = await connect(owner);
    const ack = await client.subscribe(workspaceId);
    if (!ack.ok) throw new Error('subscribe failed');

    // Drop the next broadcast on the floor, as a Redis hiccup or a crash after commit would.
    const bus = app.app.get(EventBus);
    const publish = bus.publish.bind(bus);
    bus.publish = () => {
      bus.publish = publish;
    };
    const lost = await createCard(app, owner, board, 'Broadcast lost');
    await client.waitFor(() => client.heads.some((h) => h.workspaceId === workspaceId && h.seq === ack.seq + 1), 'the head seq', 8000);
    await client.waitFor(() => client.events.some((e) => e.entityId === lost.id), 'the lost event', 8000);
    expect(seqs(client.events, workspaceId)).toEqual([ack.seq + 1]);
  });

  it('sends a removed member nothing after the removal commits', async () => {
    const { workspaceId, board } = await setUp();
    const member = await createAccount(app, admin, orgId);
    await addMember(app, owner, workspaceId, member, 'contributor');
    const client = await connect(member);
    const ack = await client.subscribe(workspaceId);
    if (!ack.ok) throw new Error('subscribe failed');
    await createCard(app, owner, board, 'Before removal');
    await client.waitFor(() => client.events.length === 1, 'the event before removal');

    await request(app.url).delete(`/api/workspaces/${workspaceId}/members/${member.user.id}`).auth(owner.token, { type: 'bearer' }).expect(204);
    await client.waitFor(() => client.removedFrom.includes(workspaceId), 'the removal notice');
    for (let i = 0; i < 5; i += 1) await createCard(app, owner, board, `After removal ${i}`);
    await settle(500);
    expect(client.events.map((e) => e.type)).toEqual(['card.created']);
    expect(await client.subscribe(workspaceId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('shows who is viewing a workspace', async () => {
    const { workspaceId } = await setUp();
    const viewer = await createAccount(app, admin, orgId);
    await addMember(app, owner, workspaceId, viewer, 'observer');
    const a = await connect(owner);
    const presences: Array<{ workspaceId: string; users: Array<{ id: string }> }> = [];
    a.socket.on('presence', (p) => presences.push(p));
    await a.subscribe(workspaceId);
    const b = await connect(viewer);
    await b.subscribe(workspaceId);
    await a.waitFor(() => presences.some((p) => p.users.length === 2), 'two viewers');
    b.close();
    await a.waitFor(() => presences.at(-1)?.users.length === 1, 'one viewer after the other left');
    expect(presences.at(-1)?.users.map((u) => u.id)).toEqual([owner.user.id]);
  });
});
