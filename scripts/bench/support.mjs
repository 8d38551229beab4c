// Shared pieces of the benchmarks: a real server process on a fresh database, /proc readings, percentiles.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN = { email: 'bench-admin@enlace.test', password: 'bench-admin-password' };
// Production mode requires the audit key; every server process of a run signs with the same one.
const DATA_ENCRYPTION_KEY = randomBytes(32).toString('hex');
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

export async function freshDatabase() {
  const name = `enlace_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The built server as its own process, so its CPU and memory are measured apart from the load generator. */
/** A built server on `port`; `cwd` is another checkout to run instead of this one (BENCH_BASELINE). */
export async function startServer({ port, databaseUrl, redisUrl, jwtSecret, redisPrefix, cwd }) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'enlace-bench-')),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    AUDIT_SIGNING_KEY,
    DATA_ENCRYPTION_KEY,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    // Every simulated user signs in from this one address, hundreds at once: no sign-in limit may bind.
    LOGIN_MAX_ATTEMPTS: '1000',
    LOGIN_ACCOUNT_MAX_ATTEMPTS: '1000',
    LOGIN_ADDRESS_MAX_ATTEMPTS: '100000',
    // …and every simulated user is the same account, subscribing from hundreds of sockets at once.
    SOCKET_USER_BURST: '100000',
    REDIS_PREFIX: redisPrefix ?? 'enlace-bench:',
  };
  if (redisUrl) env.REDIS_URL = redisUrl;
  else delete env.REDIS_URL;
  // BENCH_NODE_ARGS passes flags to the server processes only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'server/dist/server/src/main.js'], { env, cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export function processUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, in clock ticks (100/s)
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { cpuSeconds: ticks / 100, rss };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function api(url, path, { token, method = 'GET', body } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    // A content type with no body is refused (400), as Fastify does for JSON.
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
export const ms = (value) => `${value.toFixed(1)} ms`;

/**
 * The platform admin's access token on a fresh database: platform admins must enrol a second factor before
 * anything else, so the first sign-in enrols one (a code computed from the secret, as an authenticator app would).
 */
export async function adminToken(url) {
  const { accessToken: token, mustEnrolTwoFactor } = await api(url, '/api/auth/login', { method: 'POST', body: ADMIN });
  if (mustEnrolTwoFactor) {
    const { secret } = await api(url, '/api/me/two-factor', { method: 'POST', token });
    await api(url, '/api/me/two-factor/confirm', { method: 'POST', token, body: { code: await generate({ secret }) } });
  }
  return token;
}
