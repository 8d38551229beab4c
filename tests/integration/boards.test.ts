import { jest } from '@jest/globals';
import request from 'supertest';
import type { BoardDto, BoardSnapshotDto, CardDto, Page } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { CardsRepository } from '../../server/src/boards/cards.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('boards and cards', () => {
  let app: TestApp;
  let owner: SignedIn;
  let observer: SignedIn;
  let outsider: SignedIn;
  let workspaceId: string;
  let board: BoardDto;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const org = await createOrganization(app, admin);
    owner = await createAccount(app, admin, org.id);
    observer = await createAccount(app, admin, org.id);
    outsider = await createAccount(app, admin, org.id);
    workspaceId = (await createWorkspace(app, owner)).id;
    await addMember(app, owner, workspaceId, observer, 'observer');
    board = await defaultBoard(app, owner, workspaceId);
  });
  afterAll(() => app.close());

  const as = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });
  const columnTitles = async () => (await defaultBoard(app, owner, workspaceId)).columns.map((c) => c.title);
  const order = async (columnId: string) =>
    (await defaultBoard(app, owner, workspaceId)).cards.filter((c) => c.columnId === columnId).map((c) => c.title);

  it('gives a new workspace one board with three columns', async () => {
    expect(await columnTitles()).toEqual(['To do', 'In progress', 'Done']);
  });

  it('names new boards and their columns in the language the request asks for', async () => {
    const created = await request(app.url).post('/api/workspaces').set(as(owner)).set('Accept-Language', 'es-MX,es;q=0.9,en;q=0.8').send({ kind: 'case', title: 'Caso 114' }).expect(201);
    const first = await defaultBoard(app, owner, created.body.id);
    expect([first.title, ...first.columns.map((c) => c.title)]).toEqual(['Tablero', 'Por hacer', 'En curso', 'Hecho']);

    // A later board keeps the title it was given; its columns follow the request, not the workspace's first board.
    const later = await request(app.url).post(`/api/workspaces/${created.body.id}/boards`).set(as(owner)).set('Accept-Language', 'pt-BR').send({ title: 'Encaminhamentos' }).expect(201);
    expect([later.body.title, ...later.body.columns.map((c: { title: string }) => c.title)]).toEqual(['Encaminhamentos', 'A fazer', 'Em andamento', 'Concluído']);

    // A language the hub does not offer falls back to English.
    const german = await request(app.url).post('/api/workspaces').set(as(owner)).set('Accept-Language', 'de-DE').send({ kind: 'case', title: 'Fall 7' }).expect(201);
    expect((await defaultBoard(app, owner, german.body.id)).columns.map((c) => c.title)).toEqual(['To do', 'In progress', 'Done']);
  });

  it('creates cards at the end of a column and moves them by writing one row', async () => {
    const a = await createCard(app, owner, board, 'Contact shelter');
    const b = await createCard(app, owner, board, 'Request legal aid');
    const c = await createCard(app, owner, board, 'Arrange health check');
    expect(await order(board.columns[0].id)).toEqual(['Contact shelter', 'Request legal aid', 'Arrange health check']);

    const moved = await request(app.url).post(`/api/cards/${c.id}/move`).set(as(owner)).send({ version: c.version, columnId: board.columns[0].id, afterCardId: a.id }).expect(200);
    expect(moved.body.version).toBe(c.version + 1);
    expect(await order(board.columns[0].id)).toEqual(['Contact shelter', 'Arrange health check', 'Request legal aid']);

    await request(app.url).post(`/api/cards/${b.id}/move`).set(as(owner)).send({ version: b.version, columnId: board.columns[1].id }).expect(200);
    expect(await order(board.columns[1].id)).toEqual(['Request legal aid']);
    await request(app.url).post(`/api/cards/${a.id}/move`).set(as(owner)).send({ version: a.version, columnId: board.columns[0].id, afterCardId: moved.body.id }).expect(200);
    expect(await order(board.columns[0].id)).toEqual(['Arrange health check', 'Contact shelter']);
  });

  it('refuses a stale version with 409 and the current card, so no update is lost', async () => {
    const card = await createCard(app, owner, board, 'Draft referral');
    const [first, second] = await Promise.all([
      request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: card.version, title: 'Referral to shelter' }),
      request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: card.version, title: 'Referral to legal aid' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    const loser = first.status === 409 ? first : second;
    expect(loser.body.code).toBe('VERSION_CONFLICT');
    expect(loser.body.details.current).toMatchObject({ title: winner.body.title, version: card.version + 1 });
    const current = (await defaultBoard(app, owner, workspaceId)).cards.find((c) => c.id === card.id);
    expect(current?.title).toBe(winner.body.title);
  });

  it('never conflicts when different cards are moved at once', async () => {
    const cards = await Promise.all(['m1', 'm2', 'm3', 'm4'].map((title) => createCard(app, owner, board, title, 2)));
    const results = await Promise.all(
      cards.map((card) => request(app.url).post(`/api/cards/${card.id}/move`).set(as(owner)).send({ version: card.version, columnId: board.columns[1].id })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await order(board.columns[1].id)).toEqual(expect.arrayContaining(['m1', 'm2', 'm3', 'm4']));
  });

  it('edits details, checklist and archive state, and refuses unknown assignees', async () => {
    const card = await createCard(app, owner, board, 'Prepare documentation');
    const updated = await request(app.url)
      .patch(`/api/cards/${card.id}`)
      .set(as(owner))
      .send({
        version: card.version,
        priority: 'urgent',
        dueDate: '2026-12-15',
        assigneeIds: [owner.user.id],
        checklist: [{ id: '6f1c2a5e-0b7d-4a51-9d3e-2f8b1c4a7e90', text: 'Birth certificate', done: false }],
      })
      .expect(200);
    expect(updated.body).toMatchObject({ priority: 'urgent', dueDate: '2026-12-15', assigneeIds: [owner.user.id], version: 2 });
    const read = (await defaultBoard(app, owner, workspaceId)).cards.find((c) => c.id === card.id);
    expect(read).toEqual(updated.body);
    const refused = await request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: 2, assigneeIds: [outsider.user.id] }).expect(400);
    expect(refused.body.details[0].path).toBe('assigneeIds');
    await request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: 2, archived: true }).expect(200);
    expect((await defaultBoard(app, owner, workspaceId)).cards.map((c) => c.id)).not.toContain(card.id);
  });

  it('reads a card back from the board exactly as the write returned it, whatever its characters', async () => {
    const card = await createCard(app, owner, board, 'Entrevista con "María" \\ São Paulo — 北京 🚀');
    const written = await request(app.url)
      .patch(`/api/cards/${card.id}`)
      .set(as(owner))
      .send({ version: card.version, description: 'Line one\n\ttabbed </script> \u2028 end', labelIds: [], assigneeIds: [owner.user.id] })
      .expect(200);
    const response = await request(app.url).get(`/api/boards/${board.id}`).set(as(owner)).expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((response.body as BoardDto).cards.find((c) => c.id === card.id)).toEqual(written.body);
  });

  it('reads a board of hundreds of cards whole and in order (it is sent in pieces)', async () => {
    const bigBoard = await defaultBoard(app, owner, (await createWorkspace(app, owner)).id);
    const created: string[] = [];
    for (let i = 0; i < 230; i += 1) created.push((await createCard(app, owner, bigBoard, `Card ${i}`, i % 3)).id);
    const read = (await request(app.url).get(`/api/boards/${bigBoard.id}`).set(as(owner)).expect(200)).body as BoardDto;
    expect(read.cards.map((c) => c.id).sort()).toEqual([...created].sort());
    for (const column of bigBoard.columns) {
      const titles = read.cards.filter((c) => c.columnId === column.id).map((c) => Number(c.title.slice('Card '.length)));
      expect(titles).toEqual([...titles].sort((a, b) => a - b));
    }
  });

  it('aborts a board response whose cards fail after it started, rather than end it looking complete', async () => {
    // The status and the first cards are already on their way when the rest fails (a lost connection).
    const streamCards = jest.spyOn(CardsRepository.prototype, 'streamCards').mockImplementationOnce(async (_boardId, _manager, onPiece) => {
      onPiece('{"id":"first-piece"}');
      throw new Error('connection to the database lost');
    });
    try {
      await expect(request(app.url).get(`/api/boards/${board.id}`).set(as(owner))).rejects.toThrow();
    } finally {
      streamCards.mockRestore();
    }
    await request(app.url).get(`/api/boards/${board.id}`).set(as(owner)).expect(200);
  });

  it('says which event the board it returns includes, so a client knows which events to apply on top', async () => {
    const card = await createCard(app, owner, board, 'Check the shelter’s capacity');
    const read = (await request(app.url).get(`/api/boards/${board.id}`).set(as(owner)).expect(200)).body as BoardSnapshotDto;
    const upTo = await request(app.url).get(`/api/workspaces/${workspaceId}/events?after=${read.seq - 1}`).set(as(owner)).expect(200);
    expect(upTo.body.items).toEqual([expect.objectContaining({ seq: read.seq, type: 'card.created', entityId: card.id })]);
  });

  it('lets observers read and comment but not touch cards', async () => {
    const card = await createCard(app, owner, board, 'Observer check');
    const refused = await request(app.url).post(`/api/boards/${board.id}/cards`).set(as(observer)).send({ columnId: board.columns[0].id, title: 'Nope' }).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await request(app.url).post(`/api/cards/${card.id}/move`).set(as(observer)).send({ version: card.version, columnId: board.columns[1].id }).expect(403);
    const comment = await request(app.url)
      .post(`/api/cards/${card.id}/comments`)
      .set(as(observer))
      .send({ body: `Seen, thanks @[Owner](${owner.user.id}) and @[Nobody](${outsider.user.id})` })
      .expect(201);
    expect(comment.body.mentions).toEqual([owner.user.id]);
    const comments = await request(app.url).get(`/api/cards/${card.id}/comments`).set(as(owner)).expect(200);
    expect(comments.body.items).toHaveLength(1);
  });

  it('lists a board’s archived cards, most recently archived first, a page at a time, until restored', async () => {
    const shelf = await defaultBoard(app, owner, (await createWorkspace(app, owner)).id);
    const archive = async (title: string) => {
      const card = await createCard(app, owner, shelf, title);
      return (await request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: card.version, archived: true }).expect(200)).body as CardDto;
    };
    const first = await archive('Closed referral');
    const second = await archive('Duplicate entry');
    const third = await archive('Withdrawn request');
    await createCard(app, owner, shelf, 'Still open');
    const list = (query = '') => request(app.url).get(`/api/boards/${shelf.id}/archived-cards${query}`).set(as(owner)).expect(200);

    expect((await list()).body).toEqual({ items: [third, second, first] });
    const page1 = (await list('?limit=2')).body as Page<CardDto>;
    expect(page1.items.map((c) => c.title)).toEqual(['Withdrawn request', 'Duplicate entry']);
    expect((await list(`?limit=2&cursor=${page1.nextCursor}`)).body).toEqual({ items: [first] });

    // Restored, it leaves the list and is back on the board, in its column.
    const restored = await request(app.url).patch(`/api/cards/${second.id}`).set(as(owner)).send({ version: second.version, archived: false }).expect(200);
    expect(restored.body).toMatchObject({ archived: false, columnId: shelf.columns[0].id });
    expect((await list()).body.items.map((c: CardDto) => c.id)).toEqual([third.id, first.id]);
    expect((await defaultBoard(app, owner, shelf.workspaceId)).cards.map((c) => c.id)).toContain(second.id);
    // A cursor whose card was restored meanwhile starts the list over rather than skip anything.
    expect((await list(`?cursor=${second.id}`)).body.items.map((c: CardDto) => c.id)).toEqual([third.id, first.id]);
  });

  it('shows archived cards to every member and to nobody else, and checks the query', async () => {
    const card = await createCard(app, owner, board, 'Archived for the record');
    await request(app.url).patch(`/api/cards/${card.id}`).set(as(owner)).send({ version: card.version, archived: true }).expect(200);
    const seen = await request(app.url).get(`/api/boards/${board.id}/archived-cards`).set(as(observer)).expect(200);
    expect(seen.body.items.map((c: CardDto) => c.id)).toContain(card.id);
    await request(app.url).get(`/api/boards/${board.id}/archived-cards`).set(as(outsider)).expect(404);
    await request(app.url).get(`/api/boards/${board.id}/archived-cards`).expect(401);
    for (const query of ['?limit=0', '?limit=500', '?cursor=not-an-id', '?archived=true']) {
      const refused = await request(app.url).get(`/api/boards/${board.id}/archived-cards${query}`).set(as(owner)).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('hides boards and cards from non-members as if they did not exist', async () => {
    const card = await createCard(app, owner, board, 'Private');
    await request(app.url).get(`/api/boards/${board.id}`).set(as(outsider)).expect(404);
    await request(app.url).patch(`/api/cards/${card.id}`).set(as(outsider)).send({ version: 1, title: 'x' }).expect(404);
    await request(app.url).delete(`/api/cards/${card.id}`).set(as(outsider)).expect(404);
  });

  it('refuses moving a card into another board’s column', async () => {
    const other = await createWorkspace(app, owner);
    const otherBoard = await defaultBoard(app, owner, other.id);
    const card = await createCard(app, owner, board, 'Stay here');
    await request(app.url).post(`/api/cards/${card.id}/move`).set(as(owner)).send({ version: card.version, columnId: otherBoard.columns[0].id }).expect(404);
  });
});
