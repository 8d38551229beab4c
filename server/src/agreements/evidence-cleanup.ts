import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { ScheduledJob } from '../common/jobs/scheduled-job.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { EvidenceRepository } from './evidence.repository.js';

/** The pg-boss queue of the orphan-evidence job. */
export const EVIDENCE_CLEANUP_QUEUE = 'evidence-cleanup';
/** Every hour (UTC): an abandoned upload does not hold its bytes much past EVIDENCE_ORPHAN_HOURS. */
const EVIDENCE_CLEANUP_CRON = '41 * * * *';

/**
 * Deletes evidence uploaded but never named by a measurement within EVIDENCE_ORPHAN_HOURS (a measurement form
 * abandoned after its files went up), bytes and all. Each file goes in its own transaction with an
 * `evidence.discarded` event, so the log that announced the upload also says the file is gone.
 */
@Injectable()
export class EvidenceCleanup extends ScheduledJob {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super(dataSource, EVIDENCE_CLEANUP_QUEUE, EVIDENCE_CLEANUP_CRON);
  }

  /** The job's work: delete every unattached file uploaded before the cutoff; how many were deleted. */
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.evidenceOrphanHours * 3_600_000);
    let deleted = 0;
    for (;;) {
      const done = await this.unitOfWork.run(null, async (tx) => {
        const found = await this.evidence.lockUnattachedBefore(tx.manager, cutoff);
        if (!found) return false;
        await this.evidence.delete(tx.manager, found.file.id);
        tx.record({ workspaceId: found.agreementId, type: 'evidence.discarded', entityId: found.file.id, payload: found.file });
        return true;
      });
      if (!done) break;
      deleted += 1;
    }
    this.logger.log(`Evidence cleanup: ${deleted} files no measurement named deleted (uploaded before ${cutoff.toISOString()})`);
    return deleted;
  }
}
