import type { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { PgBoss } from 'pg-boss';
import type { DataSource } from 'typeorm';

/**
 * Runs `work` on a cron schedule (UTC) as a pg-boss job on the application's own PostgreSQL (embedded or not),
 * through the app's own connection pool: every server process registers the same schedule and worker, and
 * pg-boss creates each run's job once and hands it to one worker (SKIP LOCKED), so there is one runner across
 * processes. pg-boss keeps its tables in the `pgboss` schema, which it creates and migrates itself on start.
 * Stop the returned runner on shutdown.
 */
export async function scheduleJob(dataSource: DataSource, logger: Logger, queue: string, cron: string, work: () => Promise<unknown>): Promise<PgBoss> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: 'pgboss' });
  boss.on('error', (error) => logger.warn(`Job runner: ${error.message}`));
  await boss.start();
  await boss.createQueue(queue);
  await boss.schedule(queue, cron, null, { tz: 'UTC' });
  await boss.work(queue, { pollingIntervalSeconds: 60 }, async () => {
    await work();
  });
  return boss;
}

/** Stops a runner, letting a job in progress finish; the pool stays the application's. */
export async function stopJob(boss: PgBoss | undefined): Promise<void> {
  await boss?.stop({ graceful: true, timeout: 10_000, close: false });
}
