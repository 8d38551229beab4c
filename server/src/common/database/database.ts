import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Pool } from 'pg';
import type { Config } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  dataSource: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

const logger = new Logger('Database');

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR, and brings the schema up to date. */
export async function openDatabase(config: Config, entities: NonNullable<DataSourceOptions['entities']>): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'));
    logger.log(`Embedded PostgreSQL kept in ${join(config.dataDir, 'pg')}`);
  }
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, Boolean(embedded), entities));
  try {
    await dataSource.initialize();
    // A restarted PostgreSQL breaks idle connections; the pool replaces them, the server must not crash.
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
    // pg emits 'error' on a client whose connection dies while no query runs on it, and the pool listens
    // only while the client is idle in it: a client held between its query and its release would crash
    // the process. Every client opened from now on gets a listener for good; those opened while the data
    // source initialised are covered where they are held (see `prepared`; TypeORM's query runners listen).
    pool.on('connect', (client) => client.on('error', (error) => logger.warn(`Database connection lost: ${error.message}`)));
    const applied = await migrateUnderLock(dataSource);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded: Boolean(embedded),
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Several server processes may start at once against one database: only one migrates at a time. */
async function migrateUnderLock(dataSource: DataSource) {
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(7242001)');
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7242001)').catch(() => undefined);
    await lock.release();
  }
}
