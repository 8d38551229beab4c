import request from 'supertest';
import type { DeliveredEvent, Page } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace, invite } from '../factories/workspace.factory.js';
import { connectClient, type RecordingClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Delivery filtered by the event catalogue's read permissions: pending-invitation details (the invitee's
 * e-mail) are readable by owners and coordinators only, so contributors and observers get the envelope.
 */
describe('events a member may not read arrive as their envelope', () => {
  let app: TestApp;
  let owner: SignedIn;
  let contributor: SignedIn;
  let observer: SignedIn;
  let workspaceId: string;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const orgId = (await createOrganization(app, admin)).id;
    owner = await createAccount(app, admin, orgId);
    contributor = await createAccount(app, admin, orgId);
    observer = await createAccount(app, admin, orgId);
    workspaceId = (await createWorkspace(app, owner)).id;
    await addMember(app, owner, workspaceId, contributor, 'contributor');
    await addMember(app, owner, workspaceId, observer, 'observer');
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => app.close());

  const connect = async (who: SignedIn) => {
    const client = await connectClient(app.url, who.token);
    clients.push(client);
    return client;
  };
  const eventsOf = async (who: SignedIn, after = 0): Promise<DeliveredEvent[]> =>
    (await request(app.url).get(`/api/workspaces/${workspaceId}/events?after=${after}`).auth(who.token, { type: 'bearer' }).expect(200)).body
      .items as DeliveredEvent[];
  const contiguous = (events: DeliveredEvent[], from: number) => events.map((e) => e.seq).every((seq, i) => seq === from + i);
  const envelopeKeys = ['actorId', 'at', 'entityId', 'entityType', 'redacted', 'seq', 'type', 'workspaceId'];

  it('sends the full invitation to the owner and only its envelope to a contributor and an observer, live', async () => {
    const [ownerLive, contributorLive, observerLive] = await Promise.all([connect(owner), connect(contributor), connect(observer)]);
    for (const client of [ownerLive, contributorLive, observerLive]) expect(await client.subscribe(workspaceId)).toMatchObject({ ok: true });

    const invitation = await invite(app, owner, workspaceId, 'outsider@ngo.test', 'observer');
    const board = await defaultBoard(app, owner, workspaceId);
    await createCard(app, owner, board, 'Everyone reads this');
    for (const client of [ownerLive, contributorLive, observerLive]) {
      await client.waitFor(() => client.events.some((e) => e.type === 'card.created'), 'the card event');
    }

    const invited = (client: RecordingClient) => client.events.find((e) => e.type === 'invitation.created')!;
    expect(invited(ownerLive)).toMatchObject({ entityId: invitation.id, payload: { email: 'outsider@ngo.test', role: 'observer', status: 'pending' } });
    for (const client of [contributorLive, observerLive]) {
      const envelope = invited(client);
      expect(Object.keys(envelope).sort()).toEqual(envelopeKeys);
      expect(envelope).toMatchObject({ type: 'invitation.created', entityType: 'invitation', entityId: invitation.id, actorId: owner.user.id, redacted: true });
      expect(JSON.stringify(client.events)).not.toContain('outsider@ngo.test');
      // The card event that follows is readable by every member, and the sequence has no gap.
      expect(client.events.find((e) => e.type === 'card.created')).toMatchObject({ payload: { title: 'Everyone reads this' } });
      expect(client.events.map((e) => e.seq)).toEqual(ownerLive.events.map((e) => e.seq));
      expect(contiguous(client.events, client.events[0].seq)).toBe(true);
    }
  });

  it('redacts the same events in the subscribe acknowledgement and in GET /events, without a gap', async () => {
    await invite(app, owner, workspaceId, 'second@ngo.test', 'contributor');
    const full = await eventsOf(owner);
    expect(full.find((e) => e.type === 'invitation.created' && 'payload' in e && e.payload.email === 'second@ngo.test')).toBeDefined();

    for (const who of [contributor, observer]) {
      const page = await eventsOf(who);
      expect(page.map((e) => e.seq)).toEqual(full.map((e) => e.seq));
      expect(contiguous(page, 1)).toBe(true);
      const invitations = page.filter((e) => e.type.startsWith('invitation.'));
      expect(invitations.length).toBeGreaterThanOrEqual(4); // two invitations to join, accepted, and the two pending ones
      for (const event of invitations) {
        expect(event).toMatchObject({ redacted: true });
        expect(event).not.toHaveProperty('payload');
      }
      expect(JSON.stringify(page)).not.toMatch(/@ngo\.test/);

      const client = await connect(who);
      const ack = await client.subscribe(workspaceId, 0);
      if (!ack.ok) throw new Error('subscribe failed');
      expect(ack.missed.map((e) => e.seq)).toEqual(full.map((e) => e.seq));
      expect(ack.missed.filter((e) => e.type === 'invitation.created').every((e) => 'redacted' in e && !('payload' in e))).toBe(true);
      expect(JSON.stringify(ack.missed)).not.toMatch(/@ngo\.test/);
    }
  });

  it('gives a member the payloads of their new role from the role change on', async () => {
    const live = await connect(contributor);
    expect(await live.subscribe(workspaceId)).toMatchObject({ ok: true });
    await invite(app, owner, workspaceId, 'before@ngo.test', 'observer');
    await request(app.url)
      .patch(`/api/workspaces/${workspaceId}/members/${contributor.user.id}`)
      .auth(owner.token, { type: 'bearer' })
      .send({ role: 'coordinator' })
      .expect(200);
    await invite(app, owner, workspaceId, 'after@ngo.test', 'observer');
    await live.waitFor(() => live.events.filter((e) => e.type === 'invitation.created').length === 2, 'both invitations');

    const [before, after] = live.events.filter((e) => e.type === 'invitation.created');
    expect(before).toMatchObject({ redacted: true });
    expect(after).toMatchObject({ payload: { email: 'after@ngo.test' } });
    expect(contiguous(live.events, live.events[0].seq)).toBe(true);

    // And back: demoted to observer, the next invitation is an envelope again.
    await request(app.url)
      .patch(`/api/workspaces/${workspaceId}/members/${contributor.user.id}`)
      .auth(owner.token, { type: 'bearer' })
      .send({ role: 'observer' })
      .expect(200);
    await invite(app, owner, workspaceId, 'later@ngo.test', 'observer');
    await live.waitFor(() => live.events.filter((e) => e.type === 'invitation.created').length === 3, 'the third invitation');
    expect(live.events.filter((e) => e.type === 'invitation.created')[2]).toMatchObject({ redacted: true });
    expect(JSON.stringify(live.events)).not.toContain('later@ngo.test');
  });

  it('refuses a flood of subscriptions with RATE_LIMITED and caps what one acknowledgement carries', async () => {
    const board = await defaultBoard(app, owner, workspaceId);
    for (let i = 0; i < 220; i += 1) await createCard(app, owner, board, `Filler ${i}`);
    const client = await connect(observer);
    // Sent all at once, as a flood is: the budget is 20 at once, then 2 a second.
    const acks = await Promise.all(Array.from({ length: 60 }, () => client.subscribe(workspaceId, 0)));
    const refused = acks.filter((ack) => !ack.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const first = acks[0];
    if (!first.ok) throw new Error('the first subscription should pass');
    expect(first.seq).toBeGreaterThan(220);
    expect(first.missed.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(first.truncated).toBe(true);
  });

  it('pages /events through every seq for a member who reads only envelopes', async () => {
    const seen: DeliveredEvent[] = [];
    let after = 0;
    for (;;) {
      const page: Page<DeliveredEvent> = (
        await request(app.url).get(`/api/workspaces/${workspaceId}/events?after=${after}&limit=7`).auth(observer.token, { type: 'bearer' }).expect(200)
      ).body;
      seen.push(...page.items);
      if (!page.nextCursor) break;
      after = Number(page.nextCursor);
    }
    expect(contiguous(seen, 1)).toBe(true);
    const head = await (await connect(owner)).subscribe(workspaceId);
    expect(head.ok && seen.length === head.seq).toBe(true);
  });
});
