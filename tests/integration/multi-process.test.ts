import request from 'supertest';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { connectClient, settle, type RecordingClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL) console.warn('Skipping the two-process tests: they need REDIS_URL (CI sets it).');

/** Two server processes' worth of application, one PostgreSQL, one Redis: what the load balancer fronts. */
withRedis('several server processes', () => {
  let a: TestApp;
  let b: TestApp;
  let owner: SignedIn;
  let admin: SignedIn;
  let orgId: string;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    a = await startTestApp({ REDIS_PREFIX: `enlace-test:multi-${Date.now()}:` });
    b = await startTestApp({ REDIS_PREFIX: a.config.redisPrefix, JWT_SECRET: a.config.jwtSecret }, a.database);
    admin = await signInAdminOn(a);
    orgId = (await createOrganization(a, admin)).id;
    owner = await createAccount(a, admin, orgId);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  async function signInAdminOn(app: TestApp) {
    return signInAdmin(app);
  }

  it('shows a client on one process, in order, the changes made through the other', async () => {
    const workspaceId = (await createWorkspace(a, owner)).id;
    const board = await defaultBoard(a, owner, workspaceId);
    const client = await connectClient(b.url, owner.token);
    clients.push(client);
    const ack = await client.subscribe(workspaceId);
    if (!ack.ok) throw new Error('subscribe failed');
    for (let i = 0; i < 10; i += 1) await createCard(a, owner, board, `Via A ${i}`);
    await client.waitFor(() => client.events.length === 10, '10 events through Redis');
    expect(client.events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => ack.seq + i + 1));
  });

  it('stops a removed member’s socket on the other process at once', async () => {
    const workspaceId = (await createWorkspace(a, owner)).id;
    const board = await defaultBoard(a, owner, workspaceId);
    const member = await createAccount(a, admin, orgId);
    await addMember(a, owner, workspaceId, member, 'observer');
    const onB = await connectClient(b.url, member.token);
    const onA = await connectClient(a.url, member.token);
    clients.push(onB, onA);
    await onB.subscribe(workspaceId);
    await onA.subscribe(workspaceId);

    await request(a.url).delete(`/api/workspaces/${workspaceId}/members/${member.user.id}`).auth(owner.token, { type: 'bearer' }).expect(204);
    // Writes through both processes right after the removal.
    await createCard(b, owner, board, 'After removal via B');
    await createCard(a, owner, board, 'After removal via A');
    await onB.waitFor(() => onB.removedFrom.includes(workspaceId), 'the removal notice on B');
    await onA.waitFor(() => onA.removedFrom.includes(workspaceId), 'the removal notice on A');
    await settle(500);
    expect(onB.events).toEqual([]);
    expect(onA.events).toEqual([]);
  });
});
