import { DataSource, QueryFailedError } from 'typeorm';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { prepared } from '../../server/src/common/database/prepared.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/src/common/database/embedded-postgres.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

const connect = async (url: string, max: number) => new DataSource({ type: 'postgres', url, extra: { max } }).initialize();
const preparedCount = async (dataSource: DataSource, text: string) =>
  Number((await dataSource.query('SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = $1', [text]))[0].n);

describe('prepared statements', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await connect(database.url, 2);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('prepares a statement once on the transaction connection and reuses it', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    const results = await dataSource.transaction(async (manager) => {
      const first = await prepared<{ n: number }>(manager, text, [1]);
      const second = await prepared<{ n: number }>(manager, text, [41]);
      const statements = await manager.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]);
      return [first.rows[0].n, second.rows[0].n, statements[0].n];
    });
    expect(results).toEqual([2, 42, 1]);
  });

  it('outside a transaction borrows a pooled connection and gives it back', async () => {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    // Forty calls on a pool of two: they would wait forever if a connection were not returned.
    const sums = await Promise.all(Array.from({ length: 40 }, (_, i) => prepared<{ n: number }>(dataSource.manager, 'SELECT $1::int * 2 AS n', [i])));
    expect(sums.map((result) => result.rows[0].n)).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('fails as TypeORM does, with the driver error, and the connection stays usable', async () => {
    const text = 'SELECT 10 / $1::int AS n';
    const failure = await prepared(dataSource.manager, text, [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
    expect((await prepared<{ n: number }>(dataSource.manager, text, [5])).rows[0].n).toBe(2);
  });
});

describe('prepared statements on the embedded PostgreSQL', () => {
  let embedded: EmbeddedPostgres;
  let dataSource: DataSource;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres(undefined);
    dataSource = await connect(embedded.url, 4);
    // PGlite compiles its WebAssembly on start: past the default 30 s on a busy machine.
  }, 90_000);

  afterAll(async () => {
    await dataSource.destroy();
    await embedded.stop();
  });

  it('keeps the statements of different connections apart in the one shared session', async () => {
    // Every socket connection shares PGlite's single session: one name for two connections would collide.
    const text = 'SELECT $1::text AS value';
    const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      for (const runner of runners) await runner.connect();
      const values = [];
      for (const [i, runner] of runners.entries()) values.push((await prepared<{ value: string }>(runner.manager, text, [`connection ${i}`])).rows[0].value);
      expect(values).toEqual(['connection 0', 'connection 1']);
      expect(await preparedCount(dataSource, text)).toBe(2);
    } finally {
      for (const runner of runners) await runner.release();
    }
  });
});
