// npm run bench:realtime — N real socket.io clients on one board while cards move through the REST API.
// Prints p50/p95/p99 of "move request sent → event received by the last subscriber", deliveries/s, and
// the server's CPU and memory; then the same payloads through a bare socket.io server, and the ratio.
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { adminToken, api, freshDatabase, mb, ms, percentile, processUsage, REDIS_URL, startServer } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '500x20,500x100,2000x20,2000x100').split(',').map((s) => s.split('x').map(Number));
const WARMUP_SECONDS = 2;
// `baseline`: one process of another checkout with its server built (BENCH_BASELINE=/path/to/it), run
// interleaved with this one, so that a change is compared side by side with what came before it.
const BASELINE = process.env.BENCH_BASELINE;
const MODES = (process.env.BENCH_MODES ?? (BASELINE ? 'baseline,one' : 'one,two')).split(',');
if (MODES.includes('baseline') && !BASELINE) throw new Error('BENCH_MODES has baseline: set BENCH_BASELINE to a checkout whose server is built');
const LABELS = { one: 'Enlace', two: 'Enlace ×2+Redis', baseline: 'Enlace baseline' };
// Runs on a shared 2-core machine vary a lot: each scenario runs this many times, bare and Enlace
// interleaved, and the summary gives the percentiles of all the runs' moves together.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function connectAll(urls, token, count, workspaceId) {
  const sockets = [];
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    const group = Array.from({ length: Math.min(batch, count - i) }, (_, j) => {
      const socket = io(urls[(i + j) % urls.length], { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      return new Promise((resolve, reject) => {
        socket.once('connect_error', reject);
        socket.once('connect', async () => {
          const ack = await socket.timeout(30000).emitWithAck('workspace:subscribe', { workspaceId });
          if (!ack.ok) reject(new Error(ack.code));
          resolve(socket);
        });
      });
    });
    sockets.push(...(await Promise.all(group)));
  }
  return sockets;
}

/** Sends `rate` moves per second for SECONDS; each move's latency ends when the last client has its event. */
async function drive(sockets, rate, send, seconds = SECONDS) {
  const pending = new Map(); // key → { sentAt, remaining }
  const errors = [];
  const latencies = [];
  let deliveries = 0;
  for (const socket of sockets) {
    socket.on('workspace:event', (event) => {
      deliveries += 1;
      const entry = pending.get(`${event.entityId}:${event.payload.version}`);
      if (!entry) return;
      entry.remaining -= 1;
      if (entry.remaining === 0) latencies.push(performance.now() - entry.sentAt);
    });
  }
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const sends = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sends.push(send(i, (key) => pending.set(key, { sentAt: performance.now(), remaining: sockets.length })).catch((error) => errors.push(error.message)));
  }
  await Promise.all(sends);
  const deadline = performance.now() + 15000;
  while (latencies.length < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  for (const socket of sockets) socket.removeAllListeners('workspace:event');
  if (errors.length > 0) console.log(`  ${errors.length} moves failed, first: ${errors[0].slice(0, 160)}`);
  return { latencies, complete: latencies.length, total, deliveriesPerSecond: deliveries / elapsed };
}

async function enlaceRun(mode, clients, rate) {
  const database = await freshDatabase();
  const jwtSecret = randomBytes(32).toString('hex');
  const redisPrefix = `enlace-bench:${randomBytes(3).toString('hex')}:`;
  const cwd = mode === 'baseline' ? BASELINE : undefined;
  const servers = [await startServer({ port: 4100, databaseUrl: database.url, redisUrl: mode === 'two' ? REDIS_URL : undefined, jwtSecret, redisPrefix, cwd })];
  if (mode === 'two') servers.push(await startServer({ port: 4101, databaseUrl: database.url, redisUrl: REDIS_URL, jwtSecret, redisPrefix }));
  try {
    const [first] = servers;
    const token = await adminToken(first.url);
    const workspace = await api(first.url, '/api/workspaces', { method: 'POST', token, body: { kind: 'coordination', title: 'Bench board' } });
    const { items } = await api(first.url, `/api/workspaces/${workspace.id}/boards`, { token });
    const board = await api(first.url, `/api/boards/${items[0].id}`, { token });
    const cards = [];
    // Enough cards that one is moved again only after its previous move has long completed.
    for (let i = 0; i < Math.max(20, rate * 2); i += 1) cards.push(await api(first.url, `/api/boards/${board.id}/cards`, { method: 'POST', token, body: { columnId: board.columns[0].id, title: `Card ${i}` } }));
    // Clients spread over the processes; moves go to the first one, so with two processes most deliveries cross Redis.
    const sockets = await connectAll(servers.map((s) => s.url), token, clients, workspace.id);
    const move = (i, track) => {
      const card = cards[i % cards.length];
      // Moves of one card are chained: the benchmark is no concurrent-edit test.
      card.last = (card.last ?? Promise.resolve()).then(async () => {
        track(`${card.id}:${card.version + 1}`);
        const moved = await api(first.url, `/api/cards/${card.id}/move`, { method: 'POST', token, body: { version: card.version, columnId: board.columns[card.version % 2].id } });
        card.version = moved.version;
      });
      return card.last;
    };
    await drive(sockets, rate, move, WARMUP_SECONDS);
    const before = servers.map((s) => processUsage(s.pid));
    const t0 = performance.now();
    const result = await drive(sockets, rate, move);
    const wall = (performance.now() - t0) / 1000;
    const after = servers.map((s) => processUsage(s.pid));
    for (const socket of sockets) socket.disconnect();
    const cpu = after.reduce((sum, u, i) => sum + (u.cpuSeconds - before[i].cpuSeconds), 0) / wall;
    return { ...result, cpu, rss: after.reduce((sum, u) => sum + u.rss, 0) };
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
  }
}

const ids = { workspace: randomUUID(), board: randomUUID(), columns: [randomUUID(), randomUUID()], actor: randomUUID() };

/** What Enlace broadcasts for a move: a card.moved event whose payload is the whole card (CardDto), ~800 bytes. */
function cardMovedEvent(i) {
  const at = new Date().toISOString();
  const card = {
    id: randomUUID(), boardId: ids.board, columnId: ids.columns[i % 2], workspaceId: ids.workspace, title: `Card ${i % 20}`, description: '',
    position: 'a0V', assigneeIds: [], responsibleOrganizationId: null, dueDate: null, priority: 'medium', labelIds: [], checklist: [],
    commitmentId: null, archived: false, commentCount: 0, version: 2 + (i % 50), createdBy: ids.actor, createdAt: at, updatedAt: at,
  };
  return { workspaceId: ids.workspace, seq: i + 1, type: 'card.moved', entityType: 'card', entityId: card.id, payload: card, actorId: ids.actor, at };
}

async function bareRun(clients, rate) {
  const child = fork(new URL('./bare-server.mjs', import.meta.url), { env: { ...process.env, PORT: '4200' }, stdio: 'inherit' });
  await new Promise((r) => child.once('message', r));
  try {
    const url = 'http://127.0.0.1:4200';
    const sockets = await connectAll([url], 'none', clients, '00000000-0000-4000-8000-000000000000');
    const move = async (i, track) => {
      const event = cardMovedEvent(i);
      track(`${event.entityId}:${event.payload.version}`);
      await fetch(`${url}/move`, { method: 'POST', body: JSON.stringify(event) });
    };
    await drive(sockets, rate, move, WARMUP_SECONDS);
    const before = processUsage(child.pid);
    const t0 = performance.now();
    const result = await drive(sockets, rate, move);
    const wall = (performance.now() - t0) / 1000;
    const after = processUsage(child.pid);
    for (const socket of sockets) socket.disconnect();
    return { ...result, cpu: (after.cpuSeconds - before.cpuSeconds) / wall, rss: after.rss };
  } finally {
    child.kill('SIGTERM');
  }
}

const line = (label, r) =>
  `${label.padEnd(34)} p50 ${ms(percentile(r.latencies, 50)).padStart(9)}  p95 ${ms(percentile(r.latencies, 95)).padStart(9)}  p99 ${ms(percentile(r.latencies, 99)).padStart(9)}  ` +
  `${String(Math.round(r.deliveriesPerSecond)).padStart(7)} deliveries/s  server CPU ${(r.cpu * 100).toFixed(0).padStart(3)}%  RSS ${mb(r.rss).padStart(7)}  ${r.complete}/${r.total} moves complete`;

/** Every run's moves together: p99 of 200 moves is their second slowest, so one run's p99 is mostly noise. */
const pooled = (runs) => runs.flat().sort((a, b) => a - b);

console.log(`bench:realtime — ${SECONDS} s per run, ${RUNS} runs per scenario, load generator and server(s) on this machine (${(await import('node:os')).cpus().length} cores)`);
const summary = [];
for (const [clients, rate] of SCENARIOS) {
  const latencies = { bare: [], ...Object.fromEntries(MODES.map((mode) => [mode, []])) };
  for (let run = 1; run <= RUNS; run += 1) {
    const bare = await bareRun(clients, rate);
    latencies.bare.push(bare.latencies);
    console.log(line(`${clients} clients, ${rate} moves/s, bare #${run}`, bare));
    for (const mode of MODES) {
      const result = await enlaceRun(mode, clients, rate);
      latencies[mode].push(result.latencies);
      const ratio = percentile(result.latencies, 99) / percentile(bare.latencies, 99);
      console.log(`${line(`${clients} clients, ${rate} moves/s, ${LABELS[mode]} #${run}`, result)}  p99 ×${ratio.toFixed(2)} bare`);
    }
  }
  const all = Object.fromEntries(Object.entries(latencies).map(([mode, runs]) => [mode, pooled(runs)]));
  const p = (mode, q) => percentile(all[mode], q);
  const parts = MODES.map((mode) => `${LABELS[mode]} p50 ${ms(p(mode, 50))} p95 ${ms(p(mode, 95))} p99 ${ms(p(mode, 99))} (×${(p(mode, 99) / p('bare', 99)).toFixed(2)})`);
  if (MODES.includes('one') && MODES.includes('two')) parts.push(`two processes add ${ms(p('two', 99) - p('one', 99))} at p99`);
  if (MODES.includes('one') && MODES.includes('baseline')) {
    parts.push(`this checkout against the baseline: p50 ×${(p('one', 50) / p('baseline', 50)).toFixed(3)}, p99 ×${(p('one', 99) / p('baseline', 99)).toFixed(3)}`);
  }
  summary.push(`${clients} clients, ${rate} moves/s — every move of ${RUNS} run(s) pooled: bare p50 ${ms(p('bare', 50))} p95 ${ms(p('bare', 95))} p99 ${ms(p('bare', 99))}, ${parts.join(', ')}`);
}
console.log(`\n${summary.join('\n')}`);
process.exit(0);
