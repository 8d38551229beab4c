// The real processes of the fault suite: a Redis of its own, the built server (twice), a fresh database.
// Every child is tracked, so the suite can tell a process it signalled from one that crashed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `check` every 200 ms until it returns true; false once `timeoutMs` have passed. */
export async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(200);
  }
  return false;
}

/** A child process whose unexpected exits (not after a signal the suite sent) are recorded as crashes. */
class Tracked {
  constructor(name, crashes) {
    this.name = name;
    this.crashes = crashes;
    this.child = undefined;
    this.exited = undefined;
  }

  spawn(command, args, options) {
    const child = spawn(command, args, options);
    this.child = child;
    child.signalled = undefined;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (!child.signalled) this.crashes.push(`${this.name} (pid ${child.pid}) exited by itself: code ${code}, signal ${signal}`);
        resolve({ code, signal });
      });
    });
    return child;
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits for the exit, at most `timeoutMs` (then SIGKILL); returns how it exited. */
  async kill(signal, timeoutMs = 30_000) {
    if (!this.running) return undefined;
    this.child.signalled = signal;
    this.child.kill(signal);
    const exit = await Promise.race([this.exited, sleep(timeoutMs).then(() => undefined)]);
    if (exit) return exit;
    this.child.signalled = 'SIGKILL';
    this.child.kill('SIGKILL');
    return { ...(await this.exited), timedOut: true };
  }
}

/** `redis-server` on its own port, without persistence: killing it hurts no other test. */
export class RedisProcess extends Tracked {
  constructor(port, logDir, crashes) {
    super('redis', crashes);
    this.port = port;
    this.log = join(logDir, 'redis.log');
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    const out = openSync(this.log, 'a');
    this.spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', out, out] });
    if (!(await waitUntil(() => this.ping(), 10_000))) throw new Error(`redis-server did not answer PING on port ${this.port}`);
  }

  ping() {
    return new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port: this.port });
      socket.setTimeout(1000, () => socket.destroy());
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        resolve(data.toString().startsWith('+PONG'));
        socket.destroy();
      });
    });
  }
}

/** The built server (server/dist) as a process of its own, restartable on the same port. */
export class ServerProcess extends Tracked {
  constructor(name, { port, env, logDir }, crashes) {
    super(`server ${name}`, crashes);
    this.port = port;
    this.env = env;
    this.log = join(logDir, `server-${name}.log`);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    const out = openSync(this.log, 'a');
    this.spawn(process.execPath, ['server/dist/server/src/main.js'], { env: { ...this.env, PORT: String(this.port) }, stdio: ['ignore', out, out] });
    if (!(await this.healthy(60_000))) throw new Error(`${this.name} did not answer /api/health 200 within 60 s (log: ${this.log})`);
  }

  /** /api/health answers 200 (database and Redis up) within `timeoutMs`; false at once if the process is gone. */
  async healthy(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.running && Date.now() < deadline) {
      const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
      if (response?.status === 200) return true;
      await sleep(200);
    }
    return false;
  }
}

/** A database of the suite's own on DATABASE_URL's server, dropped at the end. */
export async function freshDatabase(serverUrl) {
  const name = `enlace_faults_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
