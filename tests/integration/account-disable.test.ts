import pg from 'pg';
import type { Server } from 'socket.io';
import request from 'supertest';
import type { UserDto } from '@enlace/shared';
import type { AuthUser } from '../../server/src/common/auth/auth-user.js';
import { AccessService } from '../../server/src/workspaces/access.service.js';
import { roomOf } from '../../server/src/realtime/event-fanout.js';
import { RealtimeGateway } from '../../server/src/realtime/realtime.gateway.js';
import { createAccount, createOrganization, signInAdmin, type NewAccount, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { connectClient, settle, waitFor, type RecordingClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const refreshCookieOf = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((cookie) => cookie.startsWith('enlace_refresh='))!
    .split(';')[0];

/** Signs in again to get a refresh cookie as well as an access token. */
async function session(app: TestApp, account: NewAccount): Promise<{ token: string; refreshCookie: string }> {
  const response = await request(app.url).post('/api/auth/login').send({ email: account.user.email, password: account.password }).expect(200);
  return { token: response.body.accessToken, refreshCookie: refreshCookieOf(response) };
}

const setDisabled = (app: TestApp, by: SignedIn, userId: string, body: unknown) =>
  request(app.url).patch(`/api/users/${userId}`).auth(by.token, { type: 'bearer' }).send(body as object);

/** Records the socket's disconnection, so a test can wait for the server to close it. */
function watchDisconnect(client: RecordingClient): { closed: () => boolean; reason: () => string | undefined } {
  let reason: string | undefined;
  client.socket.once('disconnect', (why) => (reason = why));
  return { closed: () => reason !== undefined, reason: () => reason };
}

async function query<T>(app: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: app.database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function makePlatformAdmin(app: TestApp, userId: string): Promise<void> {
  // No route grants the flag (only the first start creates a platform admin): set it in the database.
  await query(app, 'UPDATE users SET platform_admin = true WHERE id = $1', [userId]);
}

/**
 * Holds the next workspace access check of `userId` once it has read the database, until `resume`: what
 * happens meanwhile happens between the gateway's access check and its room join, the race under test.
 */
function pauseAccessCheckOf(app: TestApp, userId: string): { checked: Promise<void>; resume: () => void } {
  const access = app.app.get(AccessService);
  const check = access.workspace.bind(access);
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  let signalChecked!: () => void;
  const checked = new Promise<void>((resolve) => (signalChecked = resolve));
  access.workspace = async (auth: AuthUser, workspaceId: string) => {
    const result = await check(auth, workspaceId);
    if (auth.id !== userId) return result;
    access.workspace = check;
    signalChecked();
    await resumed;
    return result;
  };
  return { checked, resume };
}

/** Sockets of this process listed in a workspace's room, closed ones included (the gateway's server is private). */
function roomSize(app: TestApp, workspaceId: string): number {
  const { server } = app.app.get(RealtimeGateway) as unknown as { server: Server };
  return server.sockets.adapter.rooms.get(roomOf(workspaceId))?.size ?? 0;
}

describe('disabling accounts', () => {
  let app: TestApp;
  let admin: SignedIn;
  let orgId: string;
  let orgAdmin: NewAccount;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    orgId = (await createOrganization(app, admin)).id;
    orgAdmin = await createAccount(app, admin, orgId, { orgRole: 'org_admin' });
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => app.close());

  const connect = async (token: string) => {
    const client = await connectClient(app.url, token);
    clients.push(client);
    return client;
  };

  it('stops a member disabled by their org admin everywhere at once, and lets them back after re-enabling', async () => {
    const owner = await createAccount(app, admin, orgId);
    const member = await createAccount(app, admin, orgId);
    const workspaceId = (await createWorkspace(app, owner)).id;
    const board = await defaultBoard(app, owner, workspaceId);
    await addMember(app, owner, workspaceId, member, 'contributor');
    const { token, refreshCookie } = await session(app, member);
    const client = await connect(token);
    const ack = await client.subscribe(workspaceId);
    expect(ack).toMatchObject({ ok: true });
    const watched = watchDisconnect(client);
    await createCard(app, owner, board, 'Before disabling');
    await client.waitFor(() => client.events.length === 1, 'the event before disabling');

    const disabled = await setDisabled(app, orgAdmin, member.user.id, { disabled: true }).expect(200);
    expect(disabled.body).toMatchObject({ id: member.user.id, organizationId: orgId, disabled: true });
    expect(disabled.body.passwordHash).toBeUndefined();

    // Access tokens stop at the next request; refresh tokens were revoked; the socket is closed.
    expect((await request(app.url).get('/api/me').auth(token, { type: 'bearer' }).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await request(app.url).get('/api/me').auth(member.token, { type: 'bearer' }).expect(401);
    await request(app.url).post('/api/auth/refresh').set('Cookie', refreshCookie).expect(401);
    await waitFor(watched.closed, 'the disabled member’s socket to be closed');
    await createCard(app, owner, board, 'After disabling');
    await settle();
    expect(client.events.map((event) => ('payload' in event ? event.payload : event))).toEqual([expect.objectContaining({ title: 'Before disabling' })]);

    // No way back in while disabled: not a new socket, not a password sign-in.
    await expect(connectClient(app.url, token)).rejects.toThrow('UNAUTHENTICATED');
    await request(app.url).post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(401);

    const enabled = await setDisabled(app, orgAdmin, member.user.id, { disabled: false }).expect(200);
    expect(enabled.body).toMatchObject({ id: member.user.id, disabled: false });
    // The revoked refresh token stays revoked; signing in again works.
    await request(app.url).post('/api/auth/refresh').set('Cookie', refreshCookie).expect(401);
    const again = await session(app, member);
    const me = await request(app.url).get('/api/me').auth(again.token, { type: 'bearer' }).expect(200);
    expect(me.body.user).toMatchObject({ id: member.user.id, disabled: false });
    const back = await connect(again.token);
    expect(await back.subscribe(workspaceId)).toMatchObject({ ok: true });
  });

  it('keeps refusing access tokens issued before the disabling once the account is enabled again', async () => {
    const member = await createAccount(app, admin, orgId);
    await setDisabled(app, orgAdmin, member.user.id, { disabled: true }).expect(200);
    await setDisabled(app, orgAdmin, member.user.id, { disabled: false }).expect(200);

    // Within the same second as the disabling: tokens are told apart by generation, not by issue time.
    const again = await session(app, member);
    await request(app.url).get('/api/me').auth(again.token, { type: 'bearer' }).expect(200);
    expect((await request(app.url).get('/api/me').auth(member.token, { type: 'bearer' }).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await expect(connectClient(app.url, member.token)).rejects.toThrow('UNAUTHENTICATED');
    clients.push(await connectClient(app.url, again.token));
    // Enabling an enabled account, or disabling twice, does not end newer sessions.
    await setDisabled(app, orgAdmin, member.user.id, { disabled: false }).expect(200);
    await request(app.url).get('/api/me').auth(again.token, { type: 'bearer' }).expect(200);
  });

  it('takes a socket out of the workspace room when its account is disabled while it subscribes', async () => {
    const owner = await createAccount(app, admin, orgId);
    const member = await createAccount(app, admin, orgId);
    const workspaceId = (await createWorkspace(app, owner)).id;
    await addMember(app, owner, workspaceId, member, 'contributor');
    const client = await connect(member.token);
    const watched = watchDisconnect(client);
    const paused = pauseAccessCheckOf(app, member.user.id);
    const subscribing = client.subscribe(workspaceId).catch((error: Error) => error);

    await paused.checked;
    await setDisabled(app, orgAdmin, member.user.id, { disabled: true }).expect(200);
    await waitFor(watched.closed, 'the disabled member’s socket to be closed');
    paused.resume();

    // The closed socket never gets its acknowledgement; its subscription must not leave it in the room.
    expect(await subscribing).toBeInstanceOf(Error);
    await settle(100);
    expect(roomSize(app, workspaceId)).toBe(0);
  });

  it('refuses a subscription whose member was removed between the access check and the room join', async () => {
    const owner = await createAccount(app, admin, orgId);
    const member = await createAccount(app, admin, orgId);
    const workspaceId = (await createWorkspace(app, owner)).id;
    const board = await defaultBoard(app, owner, workspaceId);
    await addMember(app, owner, workspaceId, member, 'contributor');
    const ownerClient = await connect(owner.token);
    expect(await ownerClient.subscribe(workspaceId)).toMatchObject({ ok: true });
    const memberClient = await connect(member.token);
    const paused = pauseAccessCheckOf(app, member.user.id);
    const subscribing = memberClient.subscribe(workspaceId);

    await paused.checked;
    await request(app.url).delete(`/api/workspaces/${workspaceId}/members/${member.user.id}`).auth(owner.token, { type: 'bearer' }).expect(204);
    await ownerClient.waitFor(() => ownerClient.events.some((event) => event.type === 'member.removed'), 'the removal to be delivered');
    paused.resume();

    expect(await subscribing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await createCard(app, owner, board, 'After the removal');
    await ownerClient.waitFor(() => ownerClient.events.some((event) => event.type === 'card.created'), 'the card event');
    await settle();
    expect(memberClient.events).toEqual([]);
    expect(roomSize(app, workspaceId)).toBe(1);
  });

  it('indexes refresh tokens by account, so disabling one does not scan every session', async () => {
    const rows = await query<{ indisvalid: boolean; definition: string }>(
      app,
      `SELECT i.indisvalid, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = 'refresh_tokens_user_id_idx'`,
    );
    expect(rows).toEqual([{ indisvalid: true, definition: expect.stringContaining('ON public.refresh_tokens USING btree (user_id)') }]);
  });

  it('lists the organisation’s accounts, disabled ones included, to its admins and platform admins only', async () => {
    const org = (await createOrganization(app, admin)).id;
    const itsAdmin = await createAccount(app, admin, org, { orgRole: 'org_admin' });
    const members = [await createAccount(app, itsAdmin, org), await createAccount(app, itsAdmin, org)];
    await setDisabled(app, itsAdmin, members[0].user.id, { disabled: true }).expect(200);

    const seen: UserDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await request(app.url)
        .get(`/api/organizations/${org}/users`)
        .query({ limit: 2, ...(cursor && { cursor }) })
        .auth(itsAdmin.token, { type: 'bearer' })
        .expect(200);
      seen.push(...(page.body.items as UserDto[]));
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    expect(seen.map((user) => user.id).sort()).toEqual([itsAdmin.user.id, ...members.map((m) => m.user.id)].sort());
    expect(seen.find((user) => user.id === members[0].user.id)?.disabled).toBe(true);
    expect(seen.find((user) => user.id === members[1].user.id)?.disabled).toBe(false);

    const byPlatformAdmin = await request(app.url).get(`/api/organizations/${org}/users`).auth(admin.token, { type: 'bearer' }).expect(200);
    expect(byPlatformAdmin.body.items).toHaveLength(3);
    expect((await request(app.url).get(`/api/organizations/${org}/users`).auth(members[1].token, { type: 'bearer' }).expect(403)).body.code).toBe('FORBIDDEN');
    await request(app.url).get(`/api/organizations/${org}/users`).auth(orgAdmin.token, { type: 'bearer' }).expect(403);
    await request(app.url).get('/api/organizations/00000000-0000-4000-8000-000000000000/users').auth(admin.token, { type: 'bearer' }).expect(404);
  });

  it('lets a platform admin disable any account', async () => {
    const member = await createAccount(app, admin, orgId);
    await setDisabled(app, admin, member.user.id, { disabled: true }).expect(200);
    await request(app.url).get('/api/me').auth(member.token, { type: 'bearer' }).expect(401);
    await setDisabled(app, admin, member.user.id, { disabled: false }).expect(200);
  });

  it('refuses disabling oneself with 409 CANNOT_DISABLE_SELF', async () => {
    const self = await setDisabled(app, orgAdmin, orgAdmin.user.id, { disabled: true }).expect(409);
    expect(self.body.code).toBe('CANNOT_DISABLE_SELF');
    expect((await setDisabled(app, admin, admin.user.id, { disabled: true }).expect(409)).body.code).toBe('CANNOT_DISABLE_SELF');
    await request(app.url).get('/api/me').auth(orgAdmin.token, { type: 'bearer' }).expect(200);
    await request(app.url).get('/api/me').auth(admin.token, { type: 'bearer' }).expect(200);
  });

  it('refuses the admin of another organisation, and a plain member, as if the account did not exist', async () => {
    const member = await createAccount(app, admin, orgId);
    const otherOrg = (await createOrganization(app, admin)).id;
    const otherAdmin = await createAccount(app, admin, otherOrg, { orgRole: 'org_admin' });
    const colleague = await createAccount(app, admin, orgId);
    expect((await setDisabled(app, otherAdmin, member.user.id, { disabled: true }).expect(404)).body.code).toBe('NOT_FOUND');
    await setDisabled(app, colleague, member.user.id, { disabled: true }).expect(404);
    await setDisabled(app, admin, '00000000-0000-4000-8000-000000000000', { disabled: true }).expect(404);
    await request(app.url).get('/api/me').auth(member.token, { type: 'bearer' }).expect(200);
  });

  it('refuses an org admin disabling a platform admin, even one in their organisation', async () => {
    const inOrg = await createAccount(app, admin, orgId);
    await makePlatformAdmin(app, inOrg.user.id);
    const refused = await setDisabled(app, orgAdmin, inOrg.user.id, { disabled: true }).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    // The first platform admin belongs to no organisation: out of any org admin's sight.
    await setDisabled(app, orgAdmin, admin.user.id, { disabled: true }).expect(404);
    await request(app.url).get('/api/me').auth(inOrg.token, { type: 'bearer' }).expect(200);
    await request(app.url).get('/api/me').auth(admin.token, { type: 'bearer' }).expect(200);
  });

  it.each([
    ['an unknown field', { disabled: true, orgRole: 'org_admin' }],
    ['no field', {}],
    ['a non-boolean flag', { disabled: 'yes' }],
  ])('refuses %s with 400 VALIDATION_FAILED and changes nothing', async (_case, body) => {
    const member = await createAccount(app, admin, orgId);
    const client = await connect(member.token);
    const watched = watchDisconnect(client);
    const refused = await setDisabled(app, orgAdmin, member.user.id, body).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    await settle();
    expect(watched.closed()).toBe(false);
    const me = await request(app.url).get('/api/me').auth(member.token, { type: 'bearer' }).expect(200);
    expect(me.body.user).toMatchObject({ disabled: false, orgRole: 'member' });
  });
});

const withRedis = process.env.REDIS_URL ? describe : describe.skip;

/** Two server processes' worth of application sharing PostgreSQL and Redis, as behind a load balancer. */
withRedis('disabling accounts across server processes', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    a = await startTestApp({ REDIS_PREFIX: `enlace-test:disable-${Date.now()}:` });
    b = await startTestApp({ REDIS_PREFIX: a.config.redisPrefix, JWT_SECRET: a.config.jwtSecret }, a.database);
    admin = await signInAdmin(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('closes the account’s sockets on the other process when the disabling request goes to this one', async () => {
    const orgId = (await createOrganization(a, admin)).id;
    const owner = await createAccount(a, admin, orgId);
    const member = await createAccount(a, admin, orgId);
    const workspaceId = (await createWorkspace(a, owner)).id;
    const board = await defaultBoard(a, owner, workspaceId);
    await addMember(a, owner, workspaceId, member, 'observer');
    const onB = await connectClient(b.url, member.token);
    const ownerOnB = await connectClient(b.url, owner.token);
    try {
      expect(await onB.subscribe(workspaceId)).toMatchObject({ ok: true });
      expect(await ownerOnB.subscribe(workspaceId)).toMatchObject({ ok: true });
      const watched = watchDisconnect(onB);

      await setDisabled(a, admin, member.user.id, { disabled: true }).expect(200);
      await waitFor(watched.closed, 'the socket on process B to be closed');
      await createCard(b, owner, board, 'After disabling, via B');
      await ownerOnB.waitFor(() => ownerOnB.events.length === 1, 'the owner’s event on B');
      expect(onB.events).toEqual([]);
      await expect(connectClient(b.url, member.token)).rejects.toThrow('UNAUTHENTICATED');
    } finally {
      onB.close();
      ownerOnB.close();
    }
  });
});
