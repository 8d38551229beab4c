import request from 'supertest';
import type { BoardDto, CardDto } from '@enlace/shared';
import { DataSource } from 'typeorm';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCard, defaultBoard } from '../factories/board.factory.js';
import { createWorkspace } from '../factories/workspace.factory.js';
import { UnitOfWork } from '../../server/src/events/unit-of-work.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The unit of work pipelines its transaction (BEGIN with the first statement, COMMIT right behind the
// event append): whatever fails, the change and its events commit together or not at all.
describe('unit of work', () => {
  let app: TestApp;
  let owner: SignedIn;
  let workspaceId: string;
  let board: BoardDto;
  let unitOfWork: UnitOfWork;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    owner = await createAccount(app, admin, (await createOrganization(app, admin)).id);
    workspaceId = (await createWorkspace(app, owner)).id;
    board = await defaultBoard(app, owner, workspaceId);
    unitOfWork = app.app.get(UnitOfWork);
    db = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const title = async (card: CardDto) => (await db.query('SELECT title FROM cards WHERE id = $1', [card.id]))[0].title as string;
  const head = async () => Number((await db.query('SELECT seq FROM workspace_event_heads WHERE workspace_id = $1', [workspaceId]))[0].seq);
  // Only the type matters to these tests: the payload is not read.
  const record = { workspaceId: '', type: 'card.updated' as const, entityId: '', payload: {} as CardDto };

  it('keeps the work inside the transaction: a failure after its statements leaves nothing', async () => {
    const card = await createCard(app, owner, board, 'Untouched');
    const before = await head();
    const failure = unitOfWork.run(owner.user.id, async (tx) => {
      await tx.manager.query('UPDATE cards SET title = $2 WHERE id = $1', [card.id, 'Rolled back']);
      throw new Error('refused after writing');
    });
    await expect(failure).rejects.toThrow('refused after writing');
    expect(await title(card)).toBe('Untouched');
    expect(await head()).toBe(before);
  });

  it('rolls the change back when appending its event fails', async () => {
    const card = await createCard(app, owner, board, 'Before');
    const failure = unitOfWork.run(owner.user.id, async (tx) => {
      await tx.manager.query('UPDATE cards SET title = $2 WHERE id = $1', [card.id, 'Without its event']);
      // A workspace with no event head: the append finds nothing to lock and fails.
      tx.record({ ...record, workspaceId: '00000000-0000-4000-8000-000000000000', entityId: card.id });
    });
    await expect(failure).rejects.toThrow('violates not-null constraint');
    expect(await title(card)).toBe('Before');
  });

  it('refuses to report success when PostgreSQL rolled the transaction back', async () => {
    const card = await createCard(app, owner, board, 'Original');
    const before = await head();
    const failure = unitOfWork.run(owner.user.id, async (tx) => {
      await tx.manager.query('UPDATE cards SET title = $2 WHERE id = $1', [card.id, 'Lost']);
      // A failed statement the work swallows: PostgreSQL answers the COMMIT with ROLLBACK.
      await tx.manager.query('SELECT 1 / 0').catch(() => undefined);
      tx.record({ ...record, workspaceId, entityId: card.id });
    });
    await expect(failure).rejects.toThrow();
    expect(await title(card)).toBe('Original');
    expect(await head()).toBe(before);
  });

  it('gives every connection back, after failures as after successes', async () => {
    // More failing units than the pool has connections (20): a connection kept would stall the rest.
    const failures = await Promise.allSettled(
      Array.from({ length: 30 }, () => unitOfWork.run(owner.user.id, async (tx) => tx.manager.query('SELECT 1 / 0'))),
    );
    expect(failures.every((result) => result.status === 'rejected')).toBe(true);
    const card = await createCard(app, owner, board, 'After the failures');
    const renamed = await request(app.url).patch(`/api/cards/${card.id}`).set({ Authorization: `Bearer ${owner.token}` }).send({ version: card.version, title: 'Renamed' }).expect(200);
    expect(renamed.body.title).toBe('Renamed');
    expect(await head()).toBeGreaterThan(0);
    const verdict = await request(app.url).get(`/api/workspaces/${workspaceId}/audit/verify`).set({ Authorization: `Bearer ${owner.token}` }).expect(200);
    expect(verdict.body.ok).toBe(true);
  });
});
