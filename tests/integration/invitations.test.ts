import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccount, createOrganization, signIn, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addMember, createWorkspace, invite } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('invitations', () => {
  let app: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let ministryId: string;
  let ngoId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    ministryId = (await createOrganization(app, admin, { name: 'Ministerio', kind: 'central_government' })).id;
    ngoId = (await createOrganization(app, admin, { name: 'Fundación Refugio', kind: 'civil_society' })).id;
    owner = await createAccount(app, admin, ministryId);
  });
  afterAll(() => app.close());

  const accept = (token: string, as?: SignedIn, body: Record<string, unknown> = {}) => {
    const call = request(app.url).post(`/api/invitations/${token}/accept`);
    return (as ? call.auth(as.token, { type: 'bearer' }) : call).send(body);
  };

  it('returns a 32-byte URL-safe token once, and stores only its hash', async () => {
    const workspace = await createWorkspace(app, owner);
    const invitation = await invite(app, owner, workspace.id, 'someone@ngo.test', 'contributor');
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.url).toContain(`/invitations/${invitation.token}`);
    const stored: Array<{ token_hash: string }> = await app.app.get(DataSource).query('SELECT token_hash FROM invitations WHERE id = $1', [invitation.id]);
    expect(stored[0].token_hash).not.toContain(invitation.token);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('previews only the workspace title, the inviting organisation and the role', async () => {
    const workspace = await createWorkspace(app, owner, { kind: 'case', title: 'Caso AR-2026-0042' });
    const invitation = await invite(app, owner, workspace.id, 'preview@ngo.test', 'observer');
    const preview = await request(app.url).get(`/api/invitations/${invitation.token}`).expect(200);
    expect(preview.body).toEqual({
      workspaceTitle: 'Caso AR-2026-0042',
      invitingOrganization: 'Ministerio',
      role: 'observer',
      expiresAt: invitation.expiresAt,
      accountExists: false,
      // Only an agreement's invitation on behalf of one of its parties suggests an organisation.
      suggestedOrganization: null,
    });
    await request(app.url).get('/api/invitations/not-a-real-token').expect(404);
  });

  it('lets an NGO worker without an account create it while accepting, and only then see the workspace', async () => {
    const workspace = await createWorkspace(app, owner, { kind: 'case' });
    const invitation = await invite(app, owner, workspace.id, 'worker@refugio.test', 'contributor');

    const accepted = await accept(invitation.token, undefined, { displayName: 'Trabajadora Social', password: 'a-long-enough-password' }).expect(200);
    expect(accepted.body.workspaceId).toBe(workspace.id);
    const worker = { token: accepted.body.accessToken as string };
    const mine = await request(app.url).get('/api/workspaces').auth(worker.token, { type: 'bearer' }).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: workspace.id, myRole: 'contributor' })]);
    const me = await request(app.url).get('/api/me').auth(worker.token, { type: 'bearer' }).expect(200);
    expect(me.body.user.organizationId).toBeNull();
    await signIn(app, 'worker@refugio.test', 'a-long-enough-password');
  });

  it('refuses to accept twice, after revocation, after expiry, or as another person', async () => {
    const workspace = await createWorkspace(app, owner);
    const invitee = await createAccount(app, admin, ngoId);
    const stranger = await createAccount(app, admin, ngoId);

    const used = await invite(app, owner, workspace.id, invitee.user.email, 'observer');
    await accept(used.token, invitee).expect(200);
    expect((await accept(used.token, invitee).expect(410)).body.code).toBe('INVITATION_USED');

    const revoked = await invite(app, owner, workspace.id, 'revoked@ngo.test', 'observer');
    await request(app.url).delete(`/api/workspaces/${workspace.id}/invitations/${revoked.id}`).auth(owner.token, { type: 'bearer' }).expect(204);
    expect((await accept(revoked.token, undefined, { displayName: 'R', password: 'a-long-enough-password' }).expect(410)).body.code).toBe('INVITATION_REVOKED');

    const expired = await invite(app, owner, workspace.id, 'late@ngo.test', 'observer');
    await app.app.get(DataSource).query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    expect((await accept(expired.token, undefined, { displayName: 'L', password: 'a-long-enough-password' }).expect(410)).body.code).toBe('INVITATION_EXPIRED');
    await request(app.url).get(`/api/invitations/${expired.token}`).expect(410);

    const forSomeoneElse = await invite(app, owner, workspace.id, invitee.user.email.replace('@', '+other@'), 'observer');
    expect((await accept(forSomeoneElse.token, stranger).expect(403)).body.code).toBe('INVITATION_EMAIL_MISMATCH');
    await request(app.url).get(`/api/workspaces/${workspace.id}`).auth(stranger.token, { type: 'bearer' }).expect(404);
    // None of the refused attempts created an account.
    await request(app.url).post('/api/auth/login').send({ email: 'revoked@ngo.test', password: 'a-long-enough-password' }).expect(401);
    await request(app.url).post('/api/auth/login').send({ email: 'late@ngo.test', password: 'a-long-enough-password' }).expect(401);
  });

  it('makes an existing account sign in to accept instead of creating a second one', async () => {
    const workspace = await createWorkspace(app, owner);
    const existing = await createAccount(app, admin, ngoId);
    const invitation = await invite(app, owner, workspace.id, existing.user.email, 'observer');
    const response = await accept(invitation.token, undefined, { displayName: 'Impostor', password: 'a-long-enough-password' }).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    await accept(invitation.token, existing).expect(200);
  });

  it('lets a declined invitation end without a membership', async () => {
    const workspace = await createWorkspace(app, owner);
    const invitation = await invite(app, owner, workspace.id, 'decline@ngo.test', 'observer');
    await request(app.url).post(`/api/invitations/${invitation.token}/decline`).expect(204);
    expect((await accept(invitation.token, undefined, { displayName: 'D', password: 'a-long-enough-password' }).expect(410)).body.code).toBe('INVITATION_USED');
  });

  it('puts a new account in an organisation only when its admin invited them there', async () => {
    const workspace = await createWorkspace(app, owner);
    const ngoAdmin = await createAccount(app, admin, ngoId, { orgRole: 'org_admin' });
    await addMember(app, owner, workspace.id, ngoAdmin, 'coordinator');

    const byOutsider = await request(app.url)
      .post(`/api/workspaces/${workspace.id}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .send({ email: 'colleague@refugio.test', role: 'observer', organizationId: ngoId })
      .expect(403);
    expect(byOutsider.body.code).toBe('FORBIDDEN');

    const invitation = await request(app.url)
      .post(`/api/workspaces/${workspace.id}/invitations`)
      .auth(ngoAdmin.token, { type: 'bearer' })
      .send({ email: 'colleague@refugio.test', role: 'observer', organizationId: ngoId })
      .expect(201);
    const accepted = await accept(invitation.body.token, undefined, { displayName: 'Colega', password: 'a-long-enough-password' }).expect(200);
    const me = await request(app.url).get('/api/me').auth(accepted.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body.user.organizationId).toBe(ngoId);
  });

  it('writes the invitation e-mail to the outbox without a mail server', async () => {
    const workspace = await createWorkspace(app, owner, { title: 'Outbox check' });
    const invitation = await invite(app, owner, workspace.id, 'mail@ngo.test', 'observer');
    const outbox = join(app.config.dataDir, 'outbox');
    // Undo quoted-printable soft line breaks, which split long links.
    const mails = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''));
    expect(mails.some((mail) => mail.includes('mail@ngo.test') && mail.includes(invitation.token))).toBe(true);
  });

  it('lists pending invitations to owners and coordinators', async () => {
    const workspace = await createWorkspace(app, owner);
    const pending = await invite(app, owner, workspace.id, 'pending-list@ngo.test', 'contributor');
    const list = await request(app.url).get(`/api/workspaces/${workspace.id}/invitations`).auth(owner.token, { type: 'bearer' }).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: pending.id, email: 'pending-list@ngo.test', role: 'contributor', status: 'pending' })]);
  });
});
