import request from 'supertest';
import type { BoardDto, CardDto, ColumnDto, WorkspaceEvent } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, createColumn, createLabel, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Board structure (boards, columns, labels) and work-in-progress limits on cards. */
describe('board structure', () => {
  let app: TestApp;
  let owner: SignedIn;
  let contributor: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const org = await createOrganization(app, admin);
    owner = await createAccount(app, admin, org.id);
    contributor = await createAccount(app, admin, org.id);
  });
  afterAll(() => app.close());

  const as = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });

  /** A workspace of its own per test, so event counts and column contents are the test's alone. */
  async function fresh(): Promise<{ workspaceId: string; board: BoardDto }> {
    const workspace = await createWorkspace(app, owner);
    await addMember(app, owner, workspace.id, contributor, 'contributor');
    return { workspaceId: workspace.id, board: await defaultBoard(app, owner, workspace.id) };
  }

  const events = async (workspaceId: string, after = 0): Promise<WorkspaceEvent[]> =>
    (await request(app.url).get(`/api/workspaces/${workspaceId}/events?after=${after}&limit=1000`).set(as(owner)).expect(200)).body.items;
  const head = async (workspaceId: string) => (await events(workspaceId)).at(-1)?.seq ?? 0;
  const read = (board: BoardDto) => request(app.url).get(`/api/boards/${board.id}`).set(as(owner)).expect(200).then((r) => r.body as BoardDto);
  const move = (card: CardDto, columnId: string, afterCardId?: string) =>
    request(app.url).post(`/api/cards/${card.id}/move`).set(as(contributor)).send({ version: card.version, columnId, afterCardId });
  const openIn = async (board: BoardDto, columnId: string) => (await read(board)).cards.filter((c) => c.columnId === columnId);

  describe('boards', () => {
    it('creates a board with the three default columns and appends board.created', async () => {
      const { workspaceId } = await fresh();
      const seq = await head(workspaceId);
      const created = await request(app.url).post(`/api/workspaces/${workspaceId}/boards`).set(as(owner)).send({ title: 'Referrals' }).expect(201);
      expect(created.body).toMatchObject({ workspaceId, title: 'Referrals', version: 1, labels: [], cards: [] });
      expect(created.body.columns.map((c: ColumnDto) => c.title)).toEqual(['To do', 'In progress', 'Done']);
      // Read back: the same board, as of the event that created it.
      expect(await read(created.body)).toEqual({ ...created.body, seq: seq + 1 });
      const listed = await request(app.url).get(`/api/workspaces/${workspaceId}/boards`).set(as(owner)).expect(200);
      expect(listed.body.items.map((b: BoardDto) => b.title)).toEqual(['Board', 'Referrals']);
      const appended = await events(workspaceId, seq);
      expect(appended.map((e) => [e.type, e.entityId])).toEqual([['board.created', created.body.id]]);
      expect(appended[0].payload).toEqual(created.body);
    });

    it('renames a board with its version and refuses a stale one with 409 and the current board', async () => {
      const { workspaceId, board } = await fresh();
      const seq = await head(workspaceId);
      const renamed = await request(app.url).patch(`/api/boards/${board.id}`).set(as(owner)).send({ version: 1, title: 'Case plan' }).expect(200);
      expect(renamed.body).toEqual({ id: board.id, workspaceId, title: 'Case plan', version: 2 });
      const stale = await request(app.url).patch(`/api/boards/${board.id}`).set(as(owner)).send({ version: 1, title: 'Other plan' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: renamed.body } });
      // The same title again changes nothing and appends nothing.
      await request(app.url).patch(`/api/boards/${board.id}`).set(as(owner)).send({ version: 2, title: 'Case plan' }).expect(200);
      const appended = await events(workspaceId, seq);
      expect(appended.map((e) => e.type)).toEqual(['board.updated']);
      expect(appended[0].payload).toEqual(renamed.body);
      expect((await read(board)).title).toBe('Case plan');
    });
  });

  describe('columns', () => {
    it('deletes an empty column and appends column.deleted with its id and board', async () => {
      const { workspaceId, board } = await fresh();
      const seq = await head(workspaceId);
      const done = board.columns[2];
      await request(app.url).delete(`/api/columns/${done.id}`).set(as(owner)).expect(204);
      expect((await read(board)).columns.map((c) => c.title)).toEqual(['To do', 'In progress']);
      const appended = await events(workspaceId, seq);
      expect(appended.map((e) => ({ type: e.type, entityId: e.entityId, payload: e.payload }))).toEqual([
        { type: 'column.deleted', entityId: done.id, payload: { id: done.id, boardId: board.id } },
      ]);
      await request(app.url).delete(`/api/columns/${done.id}`).set(as(owner)).expect(404);
    });

    it('refuses to delete a column that holds cards, archived ones included', async () => {
      const { workspaceId, board } = await fresh();
      const open = await createCard(app, owner, board, 'Open', 0);
      const archived = await createCard(app, owner, board, 'Archived', 1);
      await request(app.url).patch(`/api/cards/${archived.id}`).set(as(owner)).send({ version: archived.version, archived: true }).expect(200);
      const seq = await head(workspaceId);
      for (const column of [board.columns[0], board.columns[1]]) {
        const refused = await request(app.url).delete(`/api/columns/${column.id}`).set(as(owner)).expect(409);
        expect(refused.body.code).toBe('COLUMN_NOT_EMPTY');
      }
      expect((await read(board)).columns).toHaveLength(3);
      expect((await read(board)).cards.map((c) => c.id)).toEqual([open.id]);
      expect(await head(workspaceId)).toBe(seq);
    });

    it('refuses to delete the board’s last column', async () => {
      const { workspaceId, board } = await fresh();
      await request(app.url).delete(`/api/columns/${board.columns[0].id}`).set(as(owner)).expect(204);
      await request(app.url).delete(`/api/columns/${board.columns[1].id}`).set(as(owner)).expect(204);
      const seq = await head(workspaceId);
      const refused = await request(app.url).delete(`/api/columns/${board.columns[2].id}`).set(as(owner)).expect(409);
      expect(refused.body.code).toBe('LAST_COLUMN');
      expect((await read(board)).columns.map((c) => c.id)).toEqual([board.columns[2].id]);
      expect(await head(workspaceId)).toBe(seq);
    });

    it('keeps one column when the last two are deleted at once', async () => {
      const { board } = await fresh();
      await request(app.url).delete(`/api/columns/${board.columns[0].id}`).set(as(owner)).expect(204);
      const results = await Promise.all(board.columns.slice(1).map((c) => request(app.url).delete(`/api/columns/${c.id}`).set(as(owner))));
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('LAST_COLUMN');
      expect((await read(board)).columns).toHaveLength(1);
    });

    it('reorders columns with fractional positions and says so in column.updated', async () => {
      const { workspaceId, board } = await fresh();
      const [todo, doing, done] = board.columns;
      const seq = await head(workspaceId);
      const first = await request(app.url).patch(`/api/columns/${done.id}`).set(as(owner)).send({ version: 1, afterColumnId: null }).expect(200);
      expect(first.body).toMatchObject({ id: done.id, title: 'Done', version: 2 });
      expect(first.body.position < todo.position).toBe(true);
      expect((await read(board)).columns.map((c) => c.title)).toEqual(['Done', 'To do', 'In progress']);
      await request(app.url).patch(`/api/columns/${todo.id}`).set(as(owner)).send({ version: 1, afterColumnId: doing.id }).expect(200);
      expect((await read(board)).columns.map((c) => c.title)).toEqual(['Done', 'In progress', 'To do']);
      const appended = await events(workspaceId, seq);
      expect(appended.map((e) => e.type)).toEqual(['column.updated', 'column.updated']);
      expect(appended[0].payload).toEqual(first.body);

      // Already in place: nothing changes, no version bump, no event.
      const unchanged = await request(app.url).patch(`/api/columns/${doing.id}`).set(as(owner)).send({ version: 1, afterColumnId: done.id }).expect(200);
      expect(unchanged.body).toEqual(doing);
      expect(await events(workspaceId, seq)).toHaveLength(2);
      // A column of another board, or the column itself, is no place to go.
      const other = await fresh();
      await request(app.url).patch(`/api/columns/${doing.id}`).set(as(owner)).send({ version: 1, afterColumnId: other.board.columns[0].id }).expect(404);
      await request(app.url).patch(`/api/columns/${doing.id}`).set(as(owner)).send({ version: 1, afterColumnId: doing.id }).expect(404);
    });
  });

  describe('labels', () => {
    it('renames and recolours a label with its version and refuses a stale one', async () => {
      const { workspaceId, board } = await fresh();
      const label = await createLabel(app, owner, board, 'Shelter');
      expect(label.version).toBe(1);
      const seq = await head(workspaceId);
      const updated = await request(app.url).patch(`/api/labels/${label.id}`).set(as(owner)).send({ version: 1, name: 'Shelter needed', color: '#aa0000' }).expect(200);
      expect(updated.body).toEqual({ ...label, name: 'Shelter needed', color: '#aa0000', version: 2 });
      const stale = await request(app.url).patch(`/api/labels/${label.id}`).set(as(owner)).send({ version: 1, name: 'Lost' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: updated.body } });
      const appended = await events(workspaceId, seq);
      expect(appended.map((e) => e.type)).toEqual(['label.updated']);
      expect(appended[0].payload).toEqual(updated.body);
      expect((await read(board)).labels).toEqual([updated.body]);
    });

    it('deletes a label and strips it from every card without changing their versions', async () => {
      const { workspaceId, board } = await fresh();
      const shelter = await createLabel(app, owner, board, 'Shelter');
      const legal = await createLabel(app, owner, board, 'Legal aid');
      const cards: CardDto[] = [];
      for (const [title, labelIds] of [
        ['Both', [shelter.id, legal.id]],
        ['Shelter only', [shelter.id]],
        ['Legal only', [legal.id]],
      ] as const) {
        const card = await createCard(app, owner, board, title);
        const labelled = await request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: card.version, labelIds }).expect(200);
        cards.push(labelled.body);
      }
      const archived = await request(app.url).patch(`/api/cards/${cards[1].id}`).set(as(owner)).send({ version: cards[1].version, archived: true }).expect(200);
      const seq = await head(workspaceId);

      await request(app.url).delete(`/api/labels/${shelter.id}`).set(as(owner)).expect(204);
      const after = await read(board);
      expect(after.labels.map((l) => l.id)).toEqual([legal.id]);
      expect(after.cards.map((c) => ({ title: c.title, labelIds: c.labelIds, version: c.version }))).toEqual([
        { title: 'Both', labelIds: [legal.id], version: cards[0].version },
        { title: 'Legal only', labelIds: [legal.id], version: cards[2].version },
      ]);
      const appended = await events(workspaceId, seq);
      expect(appended.map((e) => ({ type: e.type, entityId: e.entityId, payload: e.payload }))).toEqual([
        { type: 'label.deleted', entityId: shelter.id, payload: { id: shelter.id, boardId: board.id } },
      ]);
      // The archived card lost it too, and the versions clients hold are still good for writing.
      const restored = await request(app.url).patch(`/api/cards/${cards[1].id}`).set(as(owner)).send({ version: archived.body.version, archived: false }).expect(200);
      expect(restored.body.labelIds).toEqual([]);
      await request(app.url).patch(`/api/cards/${cards[0].id}`).set(as(owner)).send({ version: cards[0].version, title: 'Both, edited' }).expect(200);
      // The label is gone: putting it back on a card is refused.
      const refused = await request(app.url).patch(`/api/cards/${cards[2].id}`).set(as(owner)).send({ version: cards[2].version, labelIds: [shelter.id] }).expect(400);
      expect(refused.body.details[0].path).toBe('labelIds');
      await request(app.url).delete(`/api/labels/${shelter.id}`).set(as(owner)).expect(404);
    });
  });

  describe('work-in-progress limits', () => {
    /** A board with a column "Doing" limited to `limit` and holding `cards` open cards, plus a "Waiting" card pool in To do. */
    async function limited(limit: number, cards: number) {
      const { workspaceId, board } = await fresh();
      const doing = await createColumn(app, owner, board, 'Doing', limit);
      const withDoing = await read(board);
      const inside: CardDto[] = [];
      for (let i = 0; i < cards; i++) inside.push(await createCard(app, owner, withDoing, `Inside ${i}`, 3));
      return { workspaceId, board: withDoing, doing, inside };
    }

    it('refuses creating a card in a full column, with the limit in the details, and appends nothing', async () => {
      const { workspaceId, board, doing } = await limited(2, 2);
      const seq = await head(workspaceId);
      const refused = await request(app.url).post(`/api/boards/${board.id}/cards`).set(as(contributor)).send({ columnId: doing.id, title: 'One too many' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'WIP_LIMIT_REACHED', details: { columnId: doing.id, wipLimit: 2, count: 2 } });
      expect(await openIn(board, doing.id)).toHaveLength(2);
      expect(await head(workspaceId)).toBe(seq);
      // Columns without a limit take any number.
      await createCard(app, owner, board, 'Unlimited', 0);
    });

    it('refuses moving a card into a full column but allows moving it within that column', async () => {
      const { workspaceId, board, doing, inside } = await limited(2, 2);
      const waiting = await createCard(app, owner, board, 'Waiting', 0);
      const seq = await head(workspaceId);
      const refused = await move(waiting, doing.id);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'WIP_LIMIT_REACHED' });
      expect(await head(workspaceId)).toBe(seq);
      const within = await move(inside[0], doing.id, inside[1].id);
      expect(within.status).toBe(200);
      expect((await openIn(board, doing.id)).map((c) => c.title)).toEqual(['Inside 1', 'Inside 0']);
      // Leaving frees a slot.
      await move(inside[1], board.columns[0].id).expect(200);
      await move(waiting, doing.id).expect(200);
    });

    it('does not count archived cards, and refuses restoring one into a full column', async () => {
      const { board, doing, inside } = await limited(1, 1);
      await request(app.url).patch(`/api/cards/${inside[0].id}`).set(as(owner)).send({ version: inside[0].version, archived: true }).expect(200);
      const newcomer = await createCard(app, owner, board, 'Newcomer', 3);
      const refused = await request(app.url)
        .patch(`/api/cards/${inside[0].id}`)
        .set(as(owner))
        .send({ version: inside[0].version + 1, archived: false })
        .expect(409);
      expect(refused.body.code).toBe('WIP_LIMIT_REACHED');
      expect((await openIn(board, doing.id)).map((c) => c.id)).toEqual([newcomer.id]);
      // An archived card moved into a full column adds nothing to it.
      const other = await createCard(app, owner, board, 'Archived elsewhere', 0);
      await request(app.url).patch(`/api/cards/${other.id}`).set(as(owner)).send({ version: other.version, archived: true }).expect(200);
      await move({ ...other, version: other.version + 1 }, doing.id).expect(200);
    });

    it('allows lowering a limit below the count and then refuses only additions', async () => {
      const { board, doing, inside } = await limited(3, 3);
      const lowered = await request(app.url).patch(`/api/columns/${doing.id}`).set(as(owner)).send({ version: doing.version, wipLimit: 1 }).expect(200);
      expect(lowered.body.wipLimit).toBe(1);
      await move(inside[2], doing.id).expect(200); // to the top of its own column
      await request(app.url).post(`/api/boards/${board.id}/cards`).set(as(owner)).send({ columnId: doing.id, title: 'Over' }).expect(409);
      await move(inside[0], board.columns[0].id).expect(200);
      expect(await openIn(board, doing.id)).toHaveLength(2); // still over the limit: nothing is pushed out
      await move({ ...inside[0], version: inside[0].version + 1, columnId: board.columns[0].id }, doing.id).expect(409);
      // Lifting the limit lets cards in again.
      await request(app.url).patch(`/api/columns/${doing.id}`).set(as(owner)).send({ version: lowered.body.version, wipLimit: null }).expect(200);
      await move({ ...inside[0], version: inside[0].version + 1 }, doing.id).expect(200);
    });

    it('gives the one free slot to exactly one of two concurrent moves', async () => {
      for (let round = 0; round < 5; round++) {
        const { board, doing } = await limited(2, 1);
        const a = await createCard(app, owner, board, 'A', 0);
        const b = await createCard(app, owner, board, 'B', 1);
        const results = await Promise.all([move(a, doing.id), move(b, doing.id)]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)?.body.code).toBe('WIP_LIMIT_REACHED');
        expect(await openIn(board, doing.id)).toHaveLength(2);
      }
    });

    it('gives the one free slot to exactly one of two concurrent creations', async () => {
      const { board, doing } = await limited(2, 1);
      const create = (title: string) => request(app.url).post(`/api/boards/${board.id}/cards`).set(as(owner)).send({ columnId: doing.id, title });
      const results = await Promise.all([create('X'), create('Y')]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await openIn(board, doing.id)).toHaveLength(2);
    });
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const { workspaceId, board } = await fresh();
    const label = await createLabel(app, owner, board, 'Shelter');
    const seq = await head(workspaceId);
    const before = await read(board);
    const column = board.columns[0];
    const bad: Array<[string, string, unknown]> = [
      ['post', `/api/workspaces/${workspaceId}/boards`, { title: '' }],
      ['post', `/api/workspaces/${workspaceId}/boards`, { title: 'Extra', color: 'red' }],
      ['patch', `/api/boards/${board.id}`, { title: 'No version' }],
      ['patch', `/api/boards/${board.id}`, { version: 1, title: 'x'.repeat(121) }],
      ['patch', `/api/columns/${column.id}`, { version: 1, afterColumnId: 'first' }],
      ['patch', `/api/columns/${column.id}`, { version: 1, wipLimit: 0 }],
      ['patch', `/api/columns/${column.id}`, { version: 1, position: 'a0' }],
      ['patch', `/api/labels/${label.id}`, { version: 1 }],
      ['patch', `/api/labels/${label.id}`, { version: 1, color: 'red' }],
      ['patch', `/api/labels/${label.id}`, { version: 1, name: 'Ok', boardId: board.id }],
    ];
    for (const [method, path, body] of bad) {
      const response = await request(app.url)[method as 'post' | 'patch'](path).set(as(owner)).send(body as object);
      expect({ path, body, status: response.status, code: response.body.code }).toEqual({ path, body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const malformed = await request(app.url).patch(`/api/labels/${label.id}`).set(as(owner)).set('Content-Type', 'application/json').send('{"version": 1,');
    expect(malformed.status).toBe(400);
    expect(await head(workspaceId)).toBe(seq);
    expect(await read(board)).toEqual(before);
  });
});
