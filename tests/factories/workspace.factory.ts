import request from 'supertest';
import type { CreatedInvitationDto, WorkspaceDto, WorkspaceKind, WorkspaceRole } from '@enlace/shared';
import type { TestApp } from '../support/test-app.js';
import type { SignedIn } from './accounts.factory.js';

export async function createWorkspace(app: TestApp, owner: SignedIn, overrides: { kind?: WorkspaceKind; title?: string } = {}): Promise<WorkspaceDto> {
  const response = await request(app.url)
    .post('/api/workspaces')
    .auth(owner.token, { type: 'bearer' })
    .send({ kind: overrides.kind ?? 'coordination', title: overrides.title ?? 'Mesa interinstitucional' })
    .expect(201);
  return response.body;
}

/** Only the server's address and the caller's token are needed, so the browser tests use these too. */
type Server = Pick<TestApp, 'url'>;
type Caller = Pick<SignedIn, 'token'>;

export async function invite(app: Server, by: Caller, workspaceId: string, email: string, role: WorkspaceRole): Promise<CreatedInvitationDto> {
  const response = await request(app.url)
    .post(`/api/workspaces/${workspaceId}/invitations`)
    .auth(by.token, { type: 'bearer' })
    .send({ email, role })
    .expect(201);
  return response.body;
}

/** Makes `member` a member with `role` the way people really join: invited by the owner, then accepting. */
export async function addMember(app: Server, owner: Caller, workspaceId: string, member: Caller & { user: { email: string } }, role: WorkspaceRole): Promise<void> {
  const invitation = await invite(app, owner, workspaceId, member.user.email, role);
  await request(app.url).post(`/api/invitations/${invitation.token}/accept`).auth(member.token, { type: 'bearer' }).send({}).expect(200);
}
