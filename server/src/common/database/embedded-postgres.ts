import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL in this process (PGlite), served to `pg` on a loopback port so the server uses one driver
 * in both modes. PGlite runs one statement at a time and the socket multiplexer keeps a transaction on
 * its connection until it ends, so pools on it must never wait on a second connection inside a transaction.
 */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({ db: keepingExtendedQueriesTogether(db), host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

const code = (letter: string) => letter.charCodeAt(0);
/** Parse, Bind, Describe, Execute, Close, Flush: steps of an extended-protocol query, which Sync ends. */
const EXTENDED_QUERY_STEPS = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map(code));
const SYNC = new Uint8Array([code('S'), 0, 0, 0, 4]);

/**
 * All socket connections share PGlite's one session, and pglite-socket (0.2.17) queues their messages one
 * by one, keeping a connection in front only while `isInTransaction()`. But `pg` sends a parameterised
 * query as Parse/Bind/Describe/Execute/Sync, and its unnamed statement and portal live in the session until
 * Sync: another connection's message in between replaces or drops them, so queries fail ("unnamed prepared
 * statement does not exist", `portal "" does not exist`) or, worse, answer with the other query's rows.
 * Known upstream and still open: electric-sql/pglite#1046, #977.
 *
 * So the socket server sees PGlite through this view, which also reports "in a transaction" from the first
 * step of an extended query until its Sync: the queue then serves that connection alone, as it does for a
 * transaction. `pg` writes the whole group at once, with no application code in between, so this never
 * waits on the app and adds no deadlock to the "never wait on a second connection in a transaction" rule.
 */
function keepingExtendedQueriesTogether(db: PGlite): PGlite {
  let inExtendedQuery = false;
  const overrides: Partial<PGlite> = {
    isInTransaction: () => inExtendedQuery || db.isInTransaction(),
    execProtocolRawStream: async (message, options) => {
      await db.execProtocolRawStream(message, options);
      // Updated once the message has run, when the queue notes whose it was: while a first Parse is still
      // running, the queue's last connection is another one, which must not be taken for the owner.
      if (EXTENDED_QUERY_STEPS.has(message[0])) inExtendedQuery = true;
      else if (message[0] === SYNC[0]) inExtendedQuery = false;
    },
    // The queue's only other call: when the connection in front disconnects, it sends ROLLBACK. If that
    // connection left an extended query unfinished, the group is over (else the queue would stay pinned)
    // and must be ended first: after an error PostgreSQL skips every message, the ROLLBACK too, until a Sync.
    exec: async (query, options) => {
      await db.runExclusive(async () => {
        if (!inExtendedQuery) return;
        inExtendedQuery = false;
        await db.execProtocolRawStream(SYNC, { onRawData: () => undefined });
      });
      return db.exec(query, options);
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof PGlite];
      const value: unknown = Reflect.get(target, property);
      // PGlite keeps its state in #private fields, which only the real instance may touch.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
