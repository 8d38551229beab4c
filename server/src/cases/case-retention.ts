import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { ScheduledJob } from '../common/jobs/scheduled-job.js';
import { SensitiveService } from './sensitive.service.js';

/** The pg-boss queue of the retention job. */
export const RETENTION_QUEUE = 'case-retention';
/** Once a day, at a quiet hour (UTC). */
const RETENTION_CRON = '17 3 * * *';

/**
 * Erases the sensitive fields of cases closed longer than CASE_RETENTION_DAYS, by destroying their data keys.
 * The schedule is a pg-boss job on the application's own PostgreSQL, one runner across processes (ScheduledJob).
 */
@Injectable()
export class CaseRetention extends ScheduledJob {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    dataSource: DataSource,
    private readonly sensitive: SensitiveService,
  ) {
    super(dataSource, RETENTION_QUEUE, RETENTION_CRON);
  }

  /** The job's work: erase every case closed before the retention cutoff; how many were erased. */
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.caseRetentionDays * 86_400_000);
    const erased = await this.sensitive.eraseClosedBefore(cutoff);
    this.logger.log(`Retention: sensitive fields of ${erased} closed cases erased (closed before ${cutoff.toISOString()})`);
    return erased;
  }
}
