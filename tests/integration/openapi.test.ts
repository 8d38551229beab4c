import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  ApiErrorSchema,
  AuditVerificationSchema,
  BoardSnapshotSchema,
  CardSchema,
  CommentSchema,
  CreatedInvitationSchema,
  DeliveredEventPageSchema,
  ERROR_CODES,
  HealthSchema,
  InvitationPreviewSchema,
  LoginResponseSchema,
  LoginResultSchema,
  MeSchema,
  MfaChallengeSchema,
  OrganizationPageSchema,
  OrganizationSchema,
  RecoveryCodesSchema,
  SessionListSchema,
  TwoFactorEnrolmentSchema,
  WorkspaceSchema,
} from '@enlace/shared';
import type { z } from 'zod';
import { generate } from 'otplib';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { createWorkspace } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Response {
  description: string;
  content?: { 'application/json': { schema: { $ref?: string } } };
}
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  security: Record<string, string[]>[];
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>; securitySchemes: Record<string, { scheme?: string }> };
}

const ERROR_REF = '#/components/schemas/ApiError';

describe('the OpenAPI document (/api/docs-json)', () => {
  let app: TestApp;
  let document: Document;
  let operations: { method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    app = await startTestApp();
    document = (await request(app.url).get('/api/docs-json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
    );
  });
  afterAll(() => app.close());

  const named = ({ method, path }: { method: string; path: string }) => `${method.toUpperCase()} ${path}`;

  it('gives every operation a summary, a tag and a unique operationId', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter(({ operation }) => !operation.summary || !operation.tags?.length).map(named)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every operation one success response, with a body schema unless it is 202 or 204', () => {
    const wrong = operations.filter(({ operation }) => {
      const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      if (successes.length !== 1) return true;
      // JSON, or the media type of a CSV export or a downloaded file.
      const schema = Object.values(operation.responses[successes[0]].content ?? {})[0]?.schema;
      return ['202', '204'].includes(successes[0]) ? schema !== undefined : !schema?.$ref || !(schema.$ref.split('/').pop()! in document.components.schemas);
    });
    expect(wrong.map(named)).toEqual([]);
  });

  it('describes every error response with the one ApiError body, whose code is one of ERROR_CODES', () => {
    expect(document.components.schemas.ApiError.properties?.code.enum).toEqual([...ERROR_CODES]);
    const wrong = operations.filter(({ operation }) =>
      Object.entries(operation.responses).some(
        ([status, response]) => status.startsWith('4') && response.content?.['application/json'].schema.$ref !== ERROR_REF,
      ),
    );
    expect(wrong.map(named)).toEqual([]);
    // Only sign-out and the health check have no error a client can cause.
    const withoutErrors = operations.filter(({ operation }) => !Object.keys(operation.responses).some((status) => status.startsWith('4')));
    expect(withoutErrors.map(named).sort()).toEqual(['GET /api/health', 'POST /api/auth/logout']);
  });

  it('documents the paging and event queries as parameters', () => {
    const parameters = (path: string) => (document.paths[path].get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(parameters('/api/workspaces/{id}/events')).toEqual(['after', 'limit']);
    expect(parameters('/api/organizations')).toEqual(['limit', 'cursor']);
  });

  it('requires the bearer token by default, and every route that requires it answers 401 without one', async () => {
    expect(document.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(document.security).toEqual([{ bearer: [] }]);
    const publicOperations = operations.filter(({ operation }) => operation.security !== undefined).map(named);
    expect(publicOperations.sort()).toEqual([
      'GET /api/health',
      'GET /api/invitations/{token}',
      'POST /api/auth/login',
      'POST /api/auth/login/mfa',
      'POST /api/auth/logout',
      'POST /api/auth/password/forgot',
      'POST /api/auth/password/reset',
      'POST /api/auth/refresh',
      'POST /api/invitations/{token}/accept',
      'POST /api/invitations/{token}/decline',
    ]);
    for (const { method, path, operation } of operations.filter(({ operation }) => operation.security === undefined)) {
      expect(operation.responses['401']).toBeDefined();
      const url = path.replace(/\{\w+\}/g, () => randomUUID());
      const response = await request(app.url)[method as 'get'](url);
      expect([named({ method, path }), response.status, response.body.code]).toEqual([named({ method, path }), 401, 'UNAUTHENTICATED']);
    }
  });

  it('documents TWO_FACTOR_REQUIRED on every route with a bearer token but those that let an account enrol (and pick its language meanwhile)', () => {
    const withToken = operations.filter(({ operation }) => operation.security === undefined || operation.security.some((r) => 'bearer' in r));
    const without = withToken.filter(({ operation }) => !operation.responses['403']?.description.includes('`TWO_FACTOR_REQUIRED`'));
    expect(without.map(named).sort()).toEqual(['GET /api/me', 'PATCH /api/me', 'POST /api/me/two-factor', 'POST /api/me/two-factor/confirm']);
  });

  describe('matches what the server answers', () => {
    let admin: SignedIn;

    beforeAll(async () => {
      admin = await signInAdmin(app);
    });

    /** Parsing strips any key the schema does not name, so equality also proves no undocumented field. */
    const conforms = (schema: z.ZodType, body: unknown) => expect(schema.parse(body)).toEqual(body);
    const get = (path: string) => request(app.url).get(path).auth(admin.token, { type: 'bearer' }).expect(200);

    it('for accounts, health and errors', async () => {
      const organization = await createOrganization(app, admin);
      // The platform admin has a second factor: a password sign-in answers the challenge.
      conforms(MfaChallengeSchema, (await request(app.url).post('/api/auth/login').send(app.admin).expect(200)).body);
      conforms(MeSchema, (await get('/api/me')).body);
      conforms(OrganizationPageSchema, (await get('/api/organizations')).body);
      const required = await request(app.url)
        .patch(`/api/organizations/${organization.id}`)
        .auth(admin.token, { type: 'bearer' })
        .send({ requireTwoFactor: true })
        .expect(200);
      conforms(OrganizationSchema, required.body);
      conforms(SessionListSchema, (await get('/api/me/sessions')).body);
      conforms(HealthSchema, (await request(app.url).get('/api/health').expect(200)).body);
      const missing = await request(app.url).get(`/api/workspaces/${randomUUID()}`).auth(admin.token, { type: 'bearer' }).expect(404);
      conforms(ApiErrorSchema, missing.body);
    });

    it('for signing in with and without a second factor', async () => {
      const account = await createAccount(app, admin, (await createOrganization(app, admin)).id);
      const credentials = { email: account.user.email, password: account.password };
      const login = async () => (await request(app.url).post('/api/auth/login').send(credentials).expect(200)).body;
      const session = await login();
      conforms(LoginResultSchema, session);
      conforms(LoginResponseSchema, session);
      const started = await request(app.url).post('/api/me/two-factor').auth(session.accessToken, { type: 'bearer' }).expect(201);
      conforms(TwoFactorEnrolmentSchema, started.body);
      const confirmed = await request(app.url)
        .post('/api/me/two-factor/confirm')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ code: await generate({ secret: started.body.secret }) })
        .expect(200);
      conforms(RecoveryCodesSchema, confirmed.body);
      const challenge = await login();
      conforms(LoginResultSchema, challenge);
      conforms(MfaChallengeSchema, challenge);
      const signedIn = await request(app.url)
        .post('/api/auth/login/mfa')
        .send({ challenge: challenge.challenge, code: confirmed.body.recoveryCodes[0] })
        .expect(200);
      conforms(LoginResponseSchema, signedIn.body);
    });

    it('for workspaces, boards, cards, comments, events and invitations', async () => {
      const workspace = await createWorkspace(app, admin);
      conforms(WorkspaceSchema, workspace);
      const board = await defaultBoard(app, admin, workspace.id);
      const card = await createCard(app, admin, board, 'Shelter for two');
      conforms(CardSchema, card);
      const moved = await request(app.url)
        .post(`/api/cards/${card.id}/move`)
        .auth(admin.token, { type: 'bearer' })
        .send({ version: card.version, columnId: board.columns[1].id })
        .expect(200);
      conforms(CardSchema, moved.body);
      const comment = await request(app.url)
        .post(`/api/cards/${card.id}/comments`)
        .auth(admin.token, { type: 'bearer' })
        .send({ body: 'Confirmed with the shelter' })
        .expect(201);
      conforms(CommentSchema, comment.body);
      conforms(BoardSnapshotSchema, (await get(`/api/boards/${board.id}`)).body);
      conforms(DeliveredEventPageSchema, (await get(`/api/workspaces/${workspace.id}/events`)).body);
      conforms(AuditVerificationSchema, (await get(`/api/workspaces/${workspace.id}/audit/verify`)).body);
      const invitation = await request(app.url)
        .post(`/api/workspaces/${workspace.id}/invitations`)
        .auth(admin.token, { type: 'bearer' })
        .send({ email: 'invitee@enlace.test', role: 'contributor' })
        .expect(201);
      conforms(CreatedInvitationSchema, invitation.body);
      conforms(InvitationPreviewSchema, (await request(app.url).get(`/api/invitations/${invitation.body.token}`).expect(200)).body);
    });
  });
});
