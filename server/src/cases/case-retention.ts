import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { SensitiveService } from './sensitive.service.js';

/** The pg-boss queue of the retention job. */
export const RETENTION_QUEUE = 'case-retention';
/** Once a day, at a quiet hour (UTC). */
const RETENTION_CRON = '17 3 * * *';

/**
 * Erases the sensitive fields of cases closed longer than CASE_RETENTION_DAYS, by destroying their data keys.
 * The schedule is a pg-boss job on the application's own PostgreSQL (embedded or not), through the app's own
 * connection pool: every server process registers the same schedule and worker, and pg-boss creates each run's
 * job once and hands it to one worker (SKIP LOCKED), so there is one runner across processes. pg-boss keeps its
 * tables in the `pgboss` schema, which it creates and migrates itself on start.
 */
@Injectable()
export class CaseRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseRetention.name);
  private boss?: PgBoss;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly dataSource: DataSource,
    private readonly sensitive: SensitiveService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: 'pgboss' });
    boss.on('error', (error) => this.logger.warn(`Job runner: ${error.message}`));
    await boss.start();
    await boss.createQueue(RETENTION_QUEUE);
    await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, null, { tz: 'UTC' });
    await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await this.run();
    });
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000, close: false });
  }

  /** The job's work: erase every case closed before the retention cutoff; how many were erased. */
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.caseRetentionDays * 86_400_000);
    const erased = await this.sensitive.eraseClosedBefore(cutoff);
    this.logger.log(`Retention: sensitive fields of ${erased} closed cases erased (closed before ${cutoff.toISOString()})`);
    return erased;
  }
}
