import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addMember, createWorkspace, invite } from '../factories/workspace.factory.js';
import { mailHeader, messagesTo } from '../support/outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('one live invitation per person and workspace', () => {
  let app: TestApp;
  let owner: SignedIn;
  let contributor: SignedIn;
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const ministry = await createOrganization(app, admin, { kind: 'central_government' });
    owner = await createAccount(app, admin, ministry.id);
    contributor = await createAccount(app, admin, ministry.id);
    workspaceId = (await createWorkspace(app, owner)).id;
    await addMember(app, owner, workspaceId, contributor, 'contributor');
  });
  afterAll(() => app.close());

  const as = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });
  const eventTypes = async () =>
    (await request(app.url).get(`/api/workspaces/${workspaceId}/events?after=0&limit=500`).set(as(owner)).expect(200)).body.items.map((e: { type: string }) => e.type);

  it('refuses a second invitation to the same address with 409 INVITATION_EXISTS naming the first, and changes nothing', async () => {
    const first = await invite(app, owner, workspaceId, 'twice@refugio.test', 'contributor');
    const before = await eventTypes();
    const second = await request(app.url).post(`/api/workspaces/${workspaceId}/invitations`).set(as(owner)).send({ email: 'TWICE@refugio.test', role: 'observer' }).expect(409);
    expect(second.body).toMatchObject({ code: 'INVITATION_EXISTS', details: { invitationId: first.id, expiresAt: first.expiresAt } });
    expect(await eventTypes()).toEqual(before);
    const pending = await request(app.url).get(`/api/workspaces/${workspaceId}/invitations`).set(as(owner)).expect(200);
    expect(pending.body.items.filter((i: { email: string }) => i.email === 'twice@refugio.test')).toHaveLength(1);
    expect(messagesTo(app.config.dataDir, 'twice@refugio.test')).toHaveLength(1);
  });

  it('creates exactly one invitation when the same address is invited five times at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => request(app.url).post(`/api/workspaces/${workspaceId}/invitations`).set(as(owner)).send({ email: 'race@refugio.test', role: 'observer' })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'INVITATION_EXISTS')).toBe(true);
  });

  it('invites again once the earlier invitation was revoked or has expired', async () => {
    const revoked = await invite(app, owner, workspaceId, 'again@refugio.test', 'observer');
    await request(app.url).delete(`/api/workspaces/${workspaceId}/invitations/${revoked.id}`).set(as(owner)).expect(204);
    const renewed = await invite(app, owner, workspaceId, 'again@refugio.test', 'observer');
    await app.app.get(DataSource).query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [renewed.id]);
    await invite(app, owner, workspaceId, 'again@refugio.test', 'observer');
  });

  it('resends an invitation with a new link and lifetime: the old link stops working, the new one is e-mailed', async () => {
    const first = await invite(app, owner, workspaceId, 'resend@refugio.test', 'contributor');
    const resent = await request(app.url).post(`/api/workspaces/${workspaceId}/invitations/${first.id}/resend`).set(as(owner)).send({}).expect(200);
    expect(resent.body.id).toBe(first.id);
    expect(resent.body.token).not.toBe(first.token);
    expect(new Date(resent.body.expiresAt).getTime()).toBeGreaterThanOrEqual(new Date(first.expiresAt).getTime());

    await request(app.url).get(`/api/invitations/${first.token}`).expect(404);
    await request(app.url).get(`/api/invitations/${resent.body.token}`).expect(200);
    const mails = messagesTo(app.config.dataDir, 'resend@refugio.test');
    expect(mails).toHaveLength(2);
    expect(mails[1].replace(/=\r?\n/g, '')).toContain(`/invitations/${resent.body.token}`);
    expect(mailHeader(mails[1], 'Subject')).toBe(mailHeader(mails[0], 'Subject'));
    expect((await eventTypes()).slice(-1)).toEqual(['invitation.resent']);
  });

  it('lets only who may invite to that role resend, and never a used invitation', async () => {
    const invitation = await invite(app, owner, workspaceId, 'used@refugio.test', 'observer');
    const refused = await request(app.url).post(`/api/workspaces/${workspaceId}/invitations/${invitation.id}/resend`).set(as(contributor)).send({}).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await request(app.url).post(`/api/invitations/${invitation.token}/decline`).expect(204);
    const used = await request(app.url).post(`/api/workspaces/${workspaceId}/invitations/${invitation.id}/resend`).set(as(owner)).send({}).expect(410);
    expect(used.body.code).toBe('INVITATION_USED');
    const unknownField = await request(app.url).post(`/api/workspaces/${workspaceId}/invitations/${invitation.id}/resend`).set(as(owner)).send({ email: 'x@y.test' }).expect(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
  });
});
