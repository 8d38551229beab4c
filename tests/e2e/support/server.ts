import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = join(ROOT, 'server/dist/server/src/main.js');
const CLIENT_INDEX = join(ROOT, 'client/dist/index.html');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const KEPT_OUTPUT_LINES = 200;

export interface E2eServer {
  /** Where the browser goes: API, websockets and the built client on one origin. */
  url: string;
  /** The first platform admin, created by the server at its first start. */
  admin: { email: string; password: string };
  /** The server's DATA_DIR: without SMTP_URL its e-mails are .eml files in `outbox/` there. */
  dataDir: string;
  /** The last lines the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built server as a user runs it (`node server/dist/server/src/main.js`), serving the built client,
 * on a free port with a fresh data folder and a fresh database: a new database on the PostgreSQL named by
 * DATABASE_URL when there is one, else the server's own embedded PostgreSQL in its data folder.
 * REDIS_URL, when set, is passed on with a prefix of its own so parallel runs don't hear each other.
 */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<E2eServer> {
  for (const [file, what] of [[MAIN, 'server'], [CLIENT_INDEX, 'client']]) {
    if (!existsSync(file)) throw new Error(`The ${what} is not built (${file} is missing): run \`npm run build\` first.`);
  }
  const admin = { email: 'admin-e2e@enlace.test', password: `e2e-${randomBytes(12).toString('base64url')}` };
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-e2e-'));
  const database = await createDatabase();
  const lines: string[] = [];

  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      REDIS_PREFIX: `enlace-e2e:${randomBytes(4).toString('hex')}:`,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...env,
    },
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    resolve(code);
  }));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter((line) => line.length > 0));
      lines.splice(0, Math.max(0, lines.length - KEPT_OUTPUT_LINES));
    });
  }
  const output = () => lines.join('\n');

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output()}`);
  }
  return { url, admin, dataDir, output, stop };
}

/** Children still running if Jest is torn down without afterAll: never leave a server behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

async function waitForHealth(url: string, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The server exited with code ${exitCode} before it was healthy`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server at ${url} was not healthy within ${START_TIMEOUT_MS / 1000} s (last: ${last})`);
}

interface Database {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own on the DATABASE_URL server, or none (the server then embeds PostgreSQL). */
async function createDatabase(): Promise<Database | undefined> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) return undefined;
  const name = `enlace_e2e_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withClient(connectionString: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
