// npm run test:faults — two real server processes on a fresh PostgreSQL database and a Redis of the
// suite's own, writers moving cards through both and socket.io subscribers on both, while faults land
// one after the other: SIGTERM and SIGKILL of a process, Redis down for 10 s, the servers' database
// connections terminated (also while a transaction waits on a row lock). Then it checks that nothing
// acknowledged was lost, the log has no gap or repeat, every subscriber holds every event, the hash
// chain verifies and no process crashed. Prints the counts and `faults: N passed, M failed`.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import pg from 'pg';
import { freePort, freshDatabase, RedisProcess, ServerProcess, sleep, waitUntil } from './processes.mjs';
import { api, kindOf, request, startWriters, Subscriber } from './traffic.mjs';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WRITERS = 4;
const SUBSCRIBERS_PER_SERVER = 3;
const CARDS = 12;
const WRITER_PAUSE_MS = 40;
const MAX_MOVES_PER_WRITER = 5000;
const STEADY_MS = 5000; // traffic between two faults
const REDIS_DOWN_MS = 10_000;
const TERMINATIONS = 5;
const SIGTERM_GRACE_MS = 15_000;
const SUITE_TIMEOUT_MS = 240_000;
const ADMIN = { email: 'faults-admin@enlace.test', password: `faults-${randomBytes(12).toString('base64url')}` };

const startedAt = Date.now();
const results = [];
const faults = [];
const crashes = [];
const children = [];
const logDir = mkdtempSync(join(tmpdir(), 'enlace-faults-'));

function check(name, ok, detail) {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[${seconds(Date.now() - startedAt).padStart(7)}] ${message}`);

// Never leave a process behind, whatever happens.
process.on('exit', () => children.forEach((child) => child.running && child.child.kill('SIGKILL')));
const watchdog = setTimeout(() => {
  console.error(`faults: gave up after ${seconds(SUITE_TIMEOUT_MS)}`);
  console.log(`faults: ${results.filter(Boolean).length} passed, ${results.filter((ok) => !ok).length + 1} failed`);
  process.exit(1);
}, SUITE_TIMEOUT_MS);
watchdog.unref();

const database = await freshDatabase(DATABASE_URL);
const redis = new RedisProcess(await freePort(), logDir, crashes);
const sharedSecret = randomBytes(32).toString('hex');
// Both processes sign audit checkpoints with the same key, as in production; audit/verify checks them at the end.
const auditSigningKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
// Both processes must unwrap the same case data keys, as in production.
const dataEncryptionKey = randomBytes(32).toString('hex');
const serverEnv = (name) => {
  const env = { ...process.env };
  for (const key of ['PUBLIC_URL', 'CORS_ORIGIN', 'SMTP_URL']) delete env[key];
  return Object.assign(env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: join(logDir, `data-${name}`),
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'enlace-faults:',
    JWT_SECRET: sharedSecret,
    AUDIT_SIGNING_KEY: auditSigningKey,
    DATA_ENCRYPTION_KEY: dataEncryptionKey,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_MAX_ATTEMPTS: '1000',
    LOGIN_ACCOUNT_MAX_ATTEMPTS: '1000',
    LOGIN_ADDRESS_MAX_ATTEMPTS: '100000',
    LOG_LEVEL: 'warn',
  });
};
const a = new ServerProcess('A', { port: await freePort(), env: serverEnv('A'), logDir }, crashes);
const b = new ServerProcess('B', { port: await freePort(), env: serverEnv('B'), logDir }, crashes);
children.push(redis, a, b);
const servers = [a, b];
const dbAdmin = new pg.Client({ connectionString: database.url });
let writers;
const subscribers = [];

/** Terminates the servers' backends on the suite's database (never the admin connection itself). */
async function terminateBackends(where = 'true') {
  const { rows } = await dbAdmin.query(
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND ${where}`,
    [database.name],
  );
  return rows[0].terminated;
}

const bothHealthy = async (timeoutMs) => (await Promise.all(servers.map((server) => server.healthy(timeoutMs)))).every(Boolean);

async function fault(name, inject) {
  log(`fault: ${name}`);
  try {
    await inject();
    faults.push(name);
  } catch (error) {
    check(`fault "${name}" injected`, false, error.message);
  }
  // A crash is already recorded (see processes.mjs); restarted, so the next faults still test something.
  for (const server of servers) {
    if (server.running) continue;
    log(`${server.name} is down; restarting it`);
    await server.start().catch((error) => log(error.message));
  }
  await sleep(STEADY_MS);
}

/** Holds a row lock on `card`, lets a move of it block, terminates the waiting backend, then releases. */
async function lockWait(card, columns, token) {
  await dbAdmin.query('BEGIN');
  try {
    await dbAdmin.query('SELECT id FROM cards WHERE id = $1 FOR UPDATE', [card.id]);
    const move = request(a.url, `/api/cards/${card.id}/move`, { method: 'POST', token, body: { version: card.version, columnId: columns[card.version % 2] } });
    const waiting = 'pg_backend_pid() = ANY (pg_blocking_pids(pid))'; // blocked by this connection's lock
    const blocked = await waitUntil(async () => (await dbAdmin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND ${waiting}`, [database.name])).rowCount > 0, 10_000);
    const terminated = blocked ? await terminateBackends(waiting) : 0;
    check('a move waiting on a row lock had its backend terminated', terminated > 0, `${terminated} backend(s)`);
    await dbAdmin.query('ROLLBACK');
    const result = await move;
    check('that move is answered, and not with a 500', result.status !== undefined && result.status !== 500, kindOf(result));
    if (result.status >= 200 && result.status < 300) writers.acks.push({ cardId: card.id, version: result.body.version, via: 'A' });
  } catch (error) {
    await dbAdmin.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const again = await movable(card, columns, token);
  check('the locked card can be moved once the lock is released', again.status === 200, kindOf(again));
  if (again.status === 200) writers.acks.push({ cardId: card.id, version: again.body.version, via: 'B' });
}

/** One move of `card` through B, retried on 409 with the version the conflict reports. */
async function movable(card, columns, token) {
  let result;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    result = await request(b.url, `/api/cards/${card.id}/move`, { method: 'POST', token, body: { version: card.version, columnId: columns[card.version % 2] } });
    if (result.status !== 409) break;
    card.version = result.body.details.current.version;
  }
  return result;
}

async function readLog(workspaceId, token) {
  const events = [];
  let after = 0;
  for (let page = 0; page < 1000; page += 1) {
    const body = await api(a.url, `/api/workspaces/${workspaceId}/events?after=${after}&limit=1000`, { token });
    events.push(...body.items);
    if (!body.nextCursor) break;
    after = Number(body.nextCursor);
  }
  return events;
}

async function main() {
  log(`Redis of its own on ${redis.url}, database ${database.name}, logs in ${logDir}`);
  await redis.start();
  await a.start();
  await b.start();
  await dbAdmin.connect();
  dbAdmin.on('error', () => undefined); // the suite's own connection is never terminated, but must not crash it
  log(`servers A ${a.url} and B ${b.url} are up`);

  const { accessToken: token } = await api(a.url, '/api/auth/login', { method: 'POST', body: ADMIN });
  // Platform admins must enrol a second factor before anything else.
  const { secret } = await api(a.url, '/api/me/two-factor', { method: 'POST', token });
  await api(a.url, '/api/me/two-factor/confirm', { method: 'POST', token, body: { code: await generate({ secret }) } });
  const workspace = await api(a.url, '/api/workspaces', { method: 'POST', token, body: { kind: 'coordination', title: 'Fault suite' } });
  const { items } = await api(a.url, `/api/workspaces/${workspace.id}/boards`, { token });
  const board = await api(a.url, `/api/boards/${items[0].id}`, { token });
  const columns = board.columns.slice(0, 2).map((column) => column.id);
  const cards = [];
  for (let i = 0; i <= CARDS; i += 1) cards.push(await api(b.url, `/api/boards/${board.id}/cards`, { method: 'POST', token, body: { columnId: columns[0], title: `Card ${i}` } }));
  const lockCard = cards.pop(); // the writers leave it alone: only the lock scenario moves it

  for (const [index, server] of servers.entries()) {
    for (let i = 0; i < SUBSCRIBERS_PER_SERVER; i += 1) subscribers.push(new Subscriber(`${server.name.at(-1)}${i + 1}`, server, servers[1 - index], token, workspace.id));
  }
  subscribers.forEach((subscriber) => subscriber.start());
  writers = startWriters({ count: WRITERS, servers, token, cards, columns, pauseMs: WRITER_PAUSE_MS, maxMovesEach: MAX_MOVES_PER_WRITER });
  log(`${WRITERS} writers on ${CARDS} cards through both servers, ${subscribers.length} subscribers`);
  await sleep(STEADY_MS);

  await fault('SIGTERM server B, then restart it', async () => {
    const exit = await b.kill('SIGTERM', SIGTERM_GRACE_MS);
    check(`server B exits cleanly on SIGTERM (code 0, within ${seconds(SIGTERM_GRACE_MS)})`, exit?.code === 0 && !exit.timedOut, JSON.stringify(exit));
    await sleep(1000);
    await b.start();
  });
  await fault('SIGKILL server A, then restart it', async () => {
    await a.kill('SIGKILL');
    await sleep(1000);
    await a.start();
  });
  await fault(`Redis killed (SIGKILL) for ${REDIS_DOWN_MS / 1000} s, then restarted`, async () => {
    await redis.kill('SIGKILL');
    await sleep(REDIS_DOWN_MS);
    await redis.start();
    check('both servers are healthy again once Redis is back', await bothHealthy(30_000));
  });
  await fault(`the servers' PostgreSQL connections terminated (${TERMINATIONS} times, 0.5 s apart)`, async () => {
    const terminated = [];
    for (let i = 0; i < TERMINATIONS; i += 1) {
      terminated.push(await terminateBackends());
      await sleep(500);
    }
    check('server backends were terminated', terminated.every((n) => n > 0), terminated.join(', '));
    check('both servers are healthy again after the terminations', await bothHealthy(30_000));
  });
  await fault('a move waiting on a row lock has its PostgreSQL backend terminated', () => lockWait(lockCard, columns, token));

  await writers.stop();
  log('traffic stopped; reading the log');
  const events = await readLog(workspace.id, token);
  const head = events.length === 0 ? 0 : events[events.length - 1].seq;
  // Subscribers catch up on the next head (every 5 s): give them a bounded while.
  await waitUntil(async () => subscribers.every((subscriber) => subscriber.last >= head), 20_000);
  subscribers.forEach((subscriber) => subscriber.close());

  const seqs = events.map((event) => event.seq);
  const repeated = seqs.length - new Set(seqs).size;
  const gaps = seqs.filter((seq, i) => seq !== i + 1).length;
  const { rows } = await dbAdmin.query('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct, coalesce(max(seq), 0)::int AS max FROM workspace_events WHERE workspace_id = $1', [workspace.id]);
  check('the event log holds seqs 1..N, none missing or repeated (GET /events and SQL agree)', repeated === 0 && gaps === 0 && rows[0].n === head && rows[0].distinct === head && rows[0].max === head, `N = ${head}, ${gaps} out of place, ${repeated} repeated, SQL ${JSON.stringify(rows[0])}`);

  const written = new Map();
  for (const event of events) if (event.type === 'card.moved') written.set(`${event.entityId}:${event.payload.version}`, (written.get(`${event.entityId}:${event.payload.version}`) ?? 0) + 1);
  const lost = writers.acks.filter((ack) => !written.has(`${ack.cardId}:${ack.version}`));
  check(`every acknowledged move is in the event log`, lost.length === 0, `${writers.acks.length} acknowledged, ${lost.length} missing${lost.length ? `: ${JSON.stringify(lost.slice(0, 5))}` : ''}`);
  const twice = [...written.values()].filter((count) => count > 1).length;
  check('no card version was written twice', twice === 0, `${twice} written more than once`);

  for (const subscriber of subscribers) {
    const missing = head - [...subscriber.held].filter((seq) => seq >= 1 && seq <= head).length;
    check(`subscriber ${subscriber.name} (server ${subscriber.server.name.at(-1)}) holds every seq 1..${head}`, missing === 0, `${missing} missing`);
  }

  const errors = Object.entries(writers.refused).filter(([kind]) => kind.startsWith('500'));
  check('no move was answered 500 (a database or Redis fault is 503, or no answer)', errors.length === 0, errors.map(([kind, n]) => `${kind}: ${n}`).join(', '));

  const audit = await api(a.url, `/api/workspaces/${workspace.id}/audit/verify`, { token });
  check('GET audit/verify is ok over the whole log', audit.ok === true && audit.checked === head, JSON.stringify(audit));
  check('signed audit checkpoints were taken through the faults, and each verifies', audit.checkpoints > 0, JSON.stringify(audit));

  const refused = Object.entries(writers.refused).sort((x, y) => y[1] - x[1]);
  log(`acknowledged moves: ${writers.acks.length} (through A ${writers.acks.filter((ack) => ack.via === 'A').length}, through B ${writers.acks.filter((ack) => ack.via === 'B').length})`);
  log(`refused or failed requests: ${refused.reduce((sum, [, n]) => sum + n, 0)}${refused.length ? ` — ${refused.map(([kind, n]) => `${kind}: ${n}`).join(', ')}` : ''}`);
  log(`events in the log: ${head}`);
  for (const s of subscribers) {
    const c = s.counts;
    log(`subscriber ${s.name}: ${s.held.size} seqs (live ${c.live}, in subscribe acks ${c.missed}, paged ${c.paged}), ${c.connects} connections, ${c.duplicates} duplicates dropped, ${c.truncated} truncated acks, ${c.subscribeRefused} refused subscribes, ${c.handshakeRefused} refused handshakes`);
  }
  log(`faults injected: ${faults.length} — ${faults.join('; ')}`);
}

try {
  await main();
} catch (error) {
  check('the suite ran to the end', false, error.stack ?? error.message);
} finally {
  subscribers.forEach((subscriber) => subscriber.close());
  await writers?.stop();
  for (const server of servers) await server.kill('SIGTERM', 10_000);
  await redis.kill('SIGTERM');
  check('no process crashed (exited without a signal from the suite)', crashes.length === 0, crashes.join('; '));
  if (results.includes(false)) {
    for (const server of servers.filter((s) => existsSync(s.log))) console.log(`--- last lines of ${server.log}\n${readFileSync(server.log, 'utf8').split('\n').slice(-40).join('\n')}`);
  }
  await dbAdmin.end().catch(() => undefined);
  await database.drop().catch((error) => console.error(`could not drop ${database.name}: ${error.message}`));
  rmSync(logDir, { recursive: true, force: true });
}
log(`duration: ${seconds(Date.now() - startedAt)}`);
const failed = results.filter((ok) => !ok).length;
console.log(`faults: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
