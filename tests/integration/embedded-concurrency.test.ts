import { connect } from 'node:net';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/src/common/database/embedded-postgres.js';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The embedded PostgreSQL is one PGlite session shared by every pool connection. These tests always use
 * it, whatever DATABASE_URL says: parameterised queries on several connections at once, with
 * transactions and failing statements in flight, must each get their own answer.
 */
describe('embedded PostgreSQL under concurrent use', () => {
  describe('through a pg pool', () => {
    let embedded: EmbeddedPostgres;
    let pool: pg.Pool;

    beforeAll(async () => {
      embedded = await startEmbeddedPostgres(undefined);
      pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
      await pool.query('CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL, hits int NOT NULL DEFAULT 0)');
      await pool.query("INSERT INTO items (id, label) SELECT g, 'item-' || g FROM generate_series(1, 50) g");
      // PGlite compiles its WebAssembly on start: past the default 30 s on a busy machine.
    }, 90_000);
    afterAll(async () => {
      await pool.end();
      await embedded.stop();
    });

    it('answers every parameterised query with its own rows while transactions and errors are in flight', async () => {
      const failures: string[] = [];
      const check = (ok: boolean, what: string) => {
        if (!ok) failures.push(what);
      };
      const work = async (i: number) => {
        const id = (i % 50) + 1;
        if (i % 10 === 0) {
          // A transaction holds the session: other connections must wait, not slip in between.
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('UPDATE items SET hits = hits + 1 WHERE id = $1', [id]);
            const row = await client.query('SELECT id, label FROM items WHERE id = $1', [id]);
            check(row.rows[0]?.label === `item-${id}`, `transaction read of ${id} got ${JSON.stringify(row.rows)}`);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        } else if (i % 10 === 5) {
          // A statement that fails (unique violation) must not disturb anyone else's, nor its own connection.
          const error = await pool.query('INSERT INTO items (id, label) VALUES ($1, $2)', [id, 'duplicate']).catch((e: unknown) => e);
          check((error as { code?: string }).code === '23505', `duplicate insert of ${id} gave ${String(error)}`);
        } else {
          const result = await pool.query('SELECT id, label FROM items WHERE id = $1 AND label = $2', [id, `item-${id}`]);
          check(result.rows.length === 1 && result.rows[0].id === id, `read of ${id} got ${JSON.stringify(result.rows)}`);
        }
      };
      await Promise.all(
        Array.from({ length: 600 }, (_, i) => work(i).catch((error: unknown) => failures.push(`#${i}: ${(error as Error).message}`))),
      );
      expect(failures).toEqual([]);
      const { rows } = await pool.query<{ total: string }>('SELECT sum(hits) AS total FROM items');
      expect(Number(rows[0].total)).toBe(60);
    });

    it('recovers when a connection dies inside a transaction, in the middle of a failed extended query', async () => {
      // A raw client begins a transaction, sends a Parse that fails, and disconnects before its Sync.
      // PostgreSQL skips everything up to a Sync after such an error: the transaction must still be
      // rolled back and no connection left in front of the queue, or the next clients stall or fail.
      const withLength = (body: Buffer) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(body.length + 4);
        return Buffer.concat([length, body]);
      };
      const socket = connect(Number(new URL(embedded.url).port), '127.0.0.1');
      const reply = () => new Promise((resolve) => socket.once('data', resolve));
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(withLength(Buffer.from('\0\x03\0\0user\0postgres\0database\0postgres\0\0', 'latin1')));
      await reply();
      socket.write(Buffer.concat([Buffer.from('Q'), withLength(Buffer.from('BEGIN\0', 'latin1'))]));
      await reply();
      socket.write(Buffer.concat([Buffer.from('P'), withLength(Buffer.from('\0SELECT syntax error\0\0\0', 'latin1'))]));
      await reply();
      socket.destroy();

      const idle = new pg.Client({ connectionString: embedded.url, query_timeout: 5000 });
      const next = new pg.Client({ connectionString: embedded.url, query_timeout: 5000 });
      try {
        await idle.connect();
        expect((await idle.query('SELECT 1 AS simple')).rows).toEqual([{ simple: 1 }]);
        await next.connect();
        expect((await next.query('SELECT $1::int AS extended', [2])).rows).toEqual([{ extended: 2 }]);
        expect((await next.query('SELECT count(*)::int AS n FROM items')).rows).toEqual([{ n: 50 }]);
      } finally {
        await idle.end();
        await next.end();
      }
    });
  });

  describe('through the application', () => {
    let app: TestApp;
    let admin: SignedIn;
    let member: SignedIn;

    beforeAll(async () => {
      // No DATABASE_URL: the server starts PGlite itself, in the temporary DATA_DIR of this test app.
      app = await startTestApp({ DATABASE_URL: '' }, { url: '', drop: async () => undefined });
      admin = await signInAdmin(app);
      const org = await createOrganization(app, admin);
      member = await createAccount(app, admin, org.id);
      // A new PGlite folder: migrations and pg-boss's schema as well as the start.
    }, 90_000);
    afterAll(() => app.close());

    it('serves many concurrent authenticated requests, reads and transactional writes, without a 5xx', async () => {
      const call = (who: SignedIn, method: string, path: string, body?: unknown) =>
        fetch(`${app.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${who.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => {
          if (i % 10 === 0) return call(member, 'POST', '/api/workspaces', { kind: 'coordination', title: `Concurrent ${i}` });
          const who = i % 2 === 0 ? admin : member;
          return call(who, 'GET', '/api/me').then((response) => ({ ...response, expected: who.user.id }));
        }),
      );

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status >= 400)).toEqual([]);
      // Each caller must see itself: a mixed-up statement would answer with someone else's row.
      const mixedUp = responses.filter((response) => 'expected' in response && (response.body.user as { id?: string } | undefined)?.id !== response.expected);
      expect(mixedUp).toEqual([]);
      const workspaces = await call(member, 'GET', '/api/workspaces?limit=100');
      expect((workspaces.body.items as unknown[]).length).toBe(20);
    });
  });
});
