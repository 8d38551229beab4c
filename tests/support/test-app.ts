import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { loadConfig, type Config } from '../../server/src/common/config/config.js';
import { startEmbeddedPostgres } from '../../server/src/common/database/embedded-postgres.js';
import type { AppOptions } from '../../server/src/app.js';
import { startServer, type RunningServer } from '../../server/src/server.js';

// Start-up lines written before an app has its own logger (migrations) stay quiet in tests too.
if (!process.env.TEST_LOG_LEVEL) Logger.overrideLogger(false);

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: a new database on the PostgreSQL named by DATABASE_URL,
 * or, with no DATABASE_URL, an in-memory embedded PostgreSQL of its own.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres(undefined);
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `enlace_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestApp extends RunningServer {
  config: Config;
  admin: { email: string; password: string };
  database: TestDatabase;
}

export const TEST_ADMIN_EMAIL = 'admin@enlace.test';

/** The real application on a real PostgreSQL (and Redis when REDIS_URL is set), listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}, database?: TestDatabase, options: AppOptions = {}): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-test-'));
  const admin = { email: env.ADMIN_EMAIL ?? TEST_ADMIN_EMAIL, password: env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url') };
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `enlace-test:${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests count a workspace's events exactly: checkpoints come only on demand, unless a test asks for them.
    AUDIT_CHECKPOINT_EVENTS: '1000000',
    AUDIT_CHECKPOINT_SECONDS: '86400',
    ...env,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  });
  const server = await startServer(config, options);
  return {
    ...server,
    config,
    admin,
    database: db,
    async close() {
      await server.close();
      if (!database) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
