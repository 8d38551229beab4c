import request from 'supertest';
import type { BoardDto, CardDto } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { createWorkspace, invite } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Text PostgreSQL cannot store (NUL, an unpaired surrogate) and dates that do not exist, in every free-text
 * and date field of the API: each is refused with 400 VALIDATION_FAILED and changes nothing, where a NUL or
 * an impossible date used to reach the database and answer 500.
 */
describe('values the database cannot store', () => {
  let app: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let organizationId: string;
  let workspaceId: string;
  let board: BoardDto;
  let card: CardDto;
  let invitationToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    organizationId = (await createOrganization(app, admin)).id;
    owner = await createAccount(app, admin, organizationId);
    workspaceId = (await createWorkspace(app, owner)).id;
    board = await defaultBoard(app, owner, workspaceId);
    card = await createCard(app, owner, board, 'Referral');
    await request(app.url).post(`/api/boards/${board.id}/labels`).set(as(owner)).send({ name: 'Urgent', color: '#aa2222' }).expect(201);
    board = await read(`/api/boards/${board.id}`);
    invitationToken = (await invite(app, owner, workspaceId, 'newcomer@ngo.test', 'contributor')).token;
  });
  afterAll(() => app.close());

  function as(who: SignedIn) {
    return { Authorization: `Bearer ${who.token}` };
  }
  async function read(path: string, who: SignedIn = owner) {
    return (await request(app.url).get(path).set(as(who)).expect(200)).body;
  }

  /** Everything a refused request could have touched: the workspace's log and everything readable around it. */
  const state = async () => ({
    events: await read(`/api/workspaces/${workspaceId}/events?limit=1000`),
    workspaces: await read('/api/workspaces?limit=200'),
    workspace: await read(`/api/workspaces/${workspaceId}`),
    board: await read(`/api/boards/${board.id}`),
    comments: await read(`/api/cards/${card.id}/comments`),
    organizations: await read('/api/organizations?limit=200', admin),
    users: await read(`/api/organizations/${organizationId}/users?limit=200`, admin),
    invitation: (await request(app.url).get(`/api/invitations/${invitationToken}`).expect(200)).body,
  });

  const checklistItem = (text: string) => [{ id: '7d8c2a51-1f5e-4c41-9a35-0e3e6c1b2f10', text, done: false }];

  type Field = [name: string, method: 'post' | 'patch', path: () => string, body: (value: string) => Record<string, unknown>, by?: 'admin'];
  /** Each field, as the request that carries it (sent by the workspace owner unless `by` says otherwise). */
  const fields: Field[] = [
    ['workspace title (create)', 'post', () => '/api/workspaces', (v) => ({ kind: 'case', title: v })],
    ['workspace description (create)', 'post', () => '/api/workspaces', (v) => ({ kind: 'case', title: 'Case', description: v })],
    ['workspace title (update)', 'patch', () => `/api/workspaces/${workspaceId}`, (v) => ({ version: 1, title: v })],
    ['workspace description (update)', 'patch', () => `/api/workspaces/${workspaceId}`, (v) => ({ version: 1, description: v })],
    ['invitation message', 'post', () => `/api/workspaces/${workspaceId}/invitations`, (v) => ({ email: 'other@ngo.test', role: 'observer', message: v })],
    ['display name when accepting', 'post', () => `/api/invitations/${invitationToken}/accept`, (v) => ({ displayName: v, password: 'a-long-enough-password' })],
    ['board title (create)', 'post', () => `/api/workspaces/${workspaceId}/boards`, (v) => ({ title: v })],
    ['board title (update)', 'patch', () => `/api/boards/${board.id}`, (v) => ({ version: board.version, title: v })],
    ['column title (create)', 'post', () => `/api/boards/${board.id}/columns`, (v) => ({ title: v })],
    ['column title (update)', 'patch', () => `/api/columns/${board.columns[0].id}`, (v) => ({ version: board.columns[0].version, title: v })],
    ['label name (create)', 'post', () => `/api/boards/${board.id}/labels`, (v) => ({ name: v, color: '#2266aa' })],
    ['label name (update)', 'patch', () => `/api/labels/${board.labels[0].id}`, (v) => ({ version: board.labels[0].version, name: v })],
    ['card title (create)', 'post', () => `/api/boards/${board.id}/cards`, (v) => ({ columnId: board.columns[0].id, title: v })],
    ['card description (create)', 'post', () => `/api/boards/${board.id}/cards`, (v) => ({ columnId: board.columns[0].id, title: 'Card', description: v })],
    ['checklist item (create)', 'post', () => `/api/boards/${board.id}/cards`, (v) => ({ columnId: board.columns[0].id, title: 'Card', checklist: checklistItem(v) })],
    ['card title (update)', 'patch', () => `/api/cards/${card.id}`, (v) => ({ version: card.version, title: v })],
    ['card description (update)', 'patch', () => `/api/cards/${card.id}`, (v) => ({ version: card.version, description: v })],
    ['checklist item (update)', 'patch', () => `/api/cards/${card.id}`, (v) => ({ version: card.version, checklist: checklistItem(v) })],
    ['comment', 'post', () => `/api/cards/${card.id}/comments`, (v) => ({ body: v })],
    ['organisation name', 'post', () => '/api/organizations', (v) => ({ name: v, kind: 'civil_society', country: 'AR' }), 'admin'],
    ['organisation jurisdiction', 'post', () => '/api/organizations', (v) => ({ name: 'Municipio', kind: 'local_government', country: 'AR', jurisdiction: v }), 'admin'],
    ['display name of a new account', 'post', () => `/api/organizations/${organizationId}/users`, (v) => ({ email: 'new@ngo.test', displayName: v, password: 'a-long-enough-password', orgRole: 'member' }), 'admin'],
  ];
  const badText: Array<[string, (around: string) => string]> = [
    ['a NUL', (around) => `${around}\u0000${around}`],
    ['a lone high surrogate', (around) => `${around}\uD83D`],
    ['a lone low surrogate', (around) => `\uDE00${around}`],
  ];
  /** One request of the table below: the field with one bad value in it. Every element is always there: Jest takes a missing last one for `done`. */
  type Case = [name: string, method: Field[1], path: () => string, body: () => Record<string, unknown>, by: 'owner' | 'admin'];
  const textCases = fields.flatMap(([field, method, path, body, by]) =>
    badText.map(([bad, make]): Case => [`${field} with ${bad}`, method, path, () => body(make('Caso')), by ?? 'owner']),
  );

  const dateFields: Field[] = [
    ['card due date (create)', 'post', () => `/api/boards/${board.id}/cards`, (v) => ({ columnId: board.columns[0].id, title: 'Card', dueDate: v })],
    ['card due date (update)', 'patch', () => `/api/cards/${card.id}`, (v) => ({ version: card.version, dueDate: v })],
  ];
  const dateCases = dateFields.flatMap(([field, method, path, body]) =>
    ['2026-02-31', '0000-00-00', '9999-99-99'].map((date): Case => [`${field} of ${date}`, method, path, () => body(date), 'owner']),
  );

  it.each([...textCases, ...dateCases])('refuses the %s with 400 VALIDATION_FAILED and changes nothing', async (_case, method, path, body, by) => {
    const before = await state();
    const response = await request(app.url)[method](path()).set(as(by === 'admin' ? admin : owner)).send(body());
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await state()).toEqual(before);
  });

  it('still takes the same fields with accents, emoji and real dates', async () => {
    const created = await request(app.url)
      .post(`/api/boards/${board.id}/cards`)
      .set(as(owner))
      .send({ columnId: board.columns[0].id, title: 'Coordinación 🚨 São Paulo', description: 'Île-de-France 👩‍⚖️', dueDate: '2028-02-29', checklist: checklistItem('Llamar ✅') })
      .expect(201);
    expect(created.body).toMatchObject({ title: 'Coordinación 🚨 São Paulo', description: 'Île-de-France 👩‍⚖️', dueDate: '2028-02-29', checklist: checklistItem('Llamar ✅') });
    const comment = await request(app.url).post(`/api/cards/${created.body.id}/comments`).set(as(owner)).send({ body: 'Revisión 🙏' }).expect(201);
    expect(comment.body.body).toBe('Revisión 🙏');
  });
});
