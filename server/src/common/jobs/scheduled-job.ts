import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PgBoss } from 'pg-boss';
import type { DataSource } from 'typeorm';

/**
 * A job run on a cron schedule (UTC) as a pg-boss job on the application's own PostgreSQL (embedded or not),
 * through the app's own connection pool: every server process registers the same schedule and worker, and
 * pg-boss creates each run's job once and hands it to one worker (SKIP LOCKED), so there is one runner across
 * processes. pg-boss keeps its tables in the `pgboss` schema, which it creates and migrates itself on start.
 * A subclass names its queue and schedule and does its work in `run`.
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private boss?: PgBoss;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: string,
    private readonly cron: string,
  ) {}

  /** The job's work; what it returns is for its callers (tests, logs). */
  abstract run(): Promise<unknown>;

  async onApplicationBootstrap(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: 'pgboss' });
    boss.on('error', (error) => this.logger.warn(`Job runner: ${error.message}`));
    await boss.start();
    await boss.createQueue(this.queue);
    await boss.schedule(this.queue, this.cron, null, { tz: 'UTC' });
    await boss.work(this.queue, { pollingIntervalSeconds: 60 }, async () => {
      await this.run();
    });
    this.boss = boss;
  }

  /** Lets a job in progress finish; the pool stays the application's. */
  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000, close: false });
  }
}
