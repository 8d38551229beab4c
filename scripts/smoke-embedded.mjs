// The newcomer's path, end to end: `npm start` with nothing but Node.js (embedded PostgreSQL in a data
// folder, in-process pub/sub), sign in, create an organisation, stop, start again on the same folder,
// and find the organisation still there. Exits non-zero on the first failure; never leaves a server behind.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 120_000; // the first start may build shared, server and client
const STOP_TIMEOUT_MS = 30_000;

const admin = { email: 'smoke-admin@enlace.test', password: `smoke-${randomBytes(12).toString('base64url')}` };
const dataDir = mkdtempSync(join(tmpdir(), 'enlace-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;

// Nothing of CI's services or production settings may leak in: this is the single-machine set-up.
const env = { ...process.env };
for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_ENV', 'JWT_SECRET', 'PUBLIC_URL', 'CORS_ORIGIN', 'SMTP_URL']) delete env[name];
Object.assign(env, {
  HOST: '127.0.0.1',
  PORT: String(port),
  DATA_DIR: dataDir,
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  LOG_LEVEL: process.env.SMOKE_LOG_LEVEL ?? 'warn',
});

/** The process group of the running `npm start` (npm, scripts/start.mjs and the server), if any. */
let group;
const step = (message) => console.log(`smoke: ${message}`);

/** Kills whatever is left of the group synchronously: the last resort on any exit. */
function killGroup(signal) {
  if (group === undefined) return;
  try {
    process.kill(-group, signal);
  } catch {
    // already gone
  }
}
process.on('exit', () => killGroup('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killGroup('SIGKILL');
    process.exit(1);
  });
}

async function start(label) {
  step(`${label}: npm start on ${base} with DATA_DIR=${dataDir}`);
  const startedAt = Date.now();
  // Its own process group, so stopping reaches the server that start.mjs spawns, not only npm.
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  group = child.pid;
  let exitCode;
  child.once('exit', (code, signal) => (exitCode = code ?? signal));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      for (const line of chunk.split('\n')) if (line.trim()) console.log(`  [server] ${line}`);
    });
  }
  while (Date.now() - startedAt < START_TIMEOUT_MS) {
    if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}) before /api/health answered 200`);
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) {
        step(`${label}: healthy after ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${await response.text()}`);
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`/api/health did not answer 200 within ${START_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM to the whole group, then wait until every process in it has exited (the database is closed then). */
async function stop(label) {
  if (group === undefined) return;
  step(`${label}: stopping with SIGTERM`);
  const stoppedAt = Date.now();
  killGroup('SIGTERM');
  while (groupAlive()) {
    if (Date.now() - stoppedAt > STOP_TIMEOUT_MS) {
      killGroup('SIGKILL');
      group = undefined;
      throw new Error(`the server did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`);
    }
    await sleep(100);
  }
  group = undefined;
  step(`${label}: stopped after ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s`);
}

function groupAlive() {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function api(method, path, { token, body, expect }) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status !== expect) throw new Error(`${method} ${path} answered ${response.status}, expected ${expect}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The admin's recovery codes, from enrolling a second factor at the first sign-in (platform admins must). */
const recoveryCodes = [];

async function signIn(label) {
  const login = await api('POST', '/api/auth/login', { body: admin, expect: 200 });
  const { accessToken } = login.mfaRequired
    ? await api('POST', '/api/auth/login/mfa', { body: { challenge: login.challenge, code: recoveryCodes.pop() }, expect: 200 })
    : login;
  if (typeof accessToken !== 'string') throw new Error('the login answer has no accessToken');
  if (login.mustEnrolTwoFactor) {
    const { secret } = await api('POST', '/api/me/two-factor', { token: accessToken, expect: 201 });
    const confirmed = await api('POST', '/api/me/two-factor/confirm', { token: accessToken, body: { code: await generate({ secret }) }, expect: 200 });
    recoveryCodes.push(...confirmed.recoveryCodes);
  }
  step(`${label}: signed in as ${admin.email}`);
  return accessToken;
}

async function main() {
  const orgName = `Smoke test organisation ${randomBytes(3).toString('hex')}`;

  await start('first start');
  const firstToken = await signIn('first start');
  const org = await api('POST', '/api/organizations', {
    token: firstToken,
    body: { name: orgName, kind: 'civil_society', country: 'AR' },
    expect: 201,
  });
  step(`first start: created organisation ${org.id} "${orgName}"`);
  // The board write path (pipelined transaction, prepared statements) on the embedded database.
  const workspace = await api('POST', '/api/workspaces', { token: firstToken, body: { kind: 'coordination', title: 'Smoke board' }, expect: 201 });
  const [summary] = (await api('GET', `/api/workspaces/${workspace.id}/boards`, { token: firstToken, expect: 200 })).items;
  const board = await api('GET', `/api/boards/${summary.id}`, { token: firstToken, expect: 200 });
  const card = await api('POST', `/api/boards/${board.id}/cards`, { token: firstToken, body: { columnId: board.columns[0].id, title: 'Smoke card' }, expect: 201 });
  await api('POST', `/api/cards/${card.id}/move`, { token: firstToken, body: { version: card.version, columnId: board.columns[1].id }, expect: 200 });
  step('first start: created a workspace, a card on its board, and moved the card');
  await stop('first start');

  await start('second start');
  const token = await signIn('second start');
  const { items } = await api('GET', '/api/organizations', { token, expect: 200 });
  if (!items.some((item) => item.id === org.id && item.name === orgName)) {
    throw new Error(`the organisation created before the restart is not listed: ${JSON.stringify(items)}`);
  }
  step('second start: the organisation survived the restart');
  // The generated JWT secret is kept in DATA_DIR, so sessions survive a restart too.
  await api('GET', '/api/organizations', { token: firstToken, expect: 200 });
  step('second start: a token issued before the restart is still accepted');
  const reread = await api('GET', `/api/boards/${board.id}`, { token, expect: 200 });
  const moved = reread.cards.find((item) => item.id === card.id);
  if (moved?.columnId !== board.columns[1].id || moved.version !== card.version + 1) {
    throw new Error(`the card moved before the restart is not where it was moved: ${JSON.stringify(moved)}`);
  }
  const audit = await api('GET', `/api/workspaces/${workspace.id}/audit/verify`, { token, expect: 200 });
  if (!audit.ok) throw new Error(`the workspace's event chain does not verify: ${JSON.stringify(audit)}`);
  step(`second start: the moved card survived the restart, and the event chain verifies (${audit.checked} events)`);
  await stop('second start');
}

try {
  const startedAt = Date.now();
  await main();
  step(`passed in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`smoke: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (group !== undefined) await stop('cleanup').catch(() => killGroup('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
