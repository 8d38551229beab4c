import { Inject, Injectable } from '@nestjs/common';
import type { AuditCheckpointDto } from '@enlace/shared';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository.js';
import { AuditSigner } from './audit-signer.js';
import { UnitOfWork } from './unit-of-work.js';

export interface CheckpointOutcome {
  /** The checkpoint that now covers the head but for its own event (new, or the latest when nothing was due). */
  checkpoint?: AuditCheckpointDto;
  /** Not due yet (another process checkpointed recently) while events wait unsigned: try again after this long. */
  retryInMs?: number;
}

/**
 * Takes a workspace's signed checkpoint: under the lock of its event head, signs the head (seq and hash)
 * and records the checkpoint, in the same transaction, as the event `audit.checkpoint` that every member
 * receives live. That event is appended after the signed head, so it is the next seq and is covered by
 * the next checkpoint; the head lock is what guarantees nothing lands between the two.
 */
@Injectable()
export class AuditCheckpoints {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: AuditCheckpointsRepository,
    private readonly signer: AuditSigner,
  ) {}

  /**
   * Checkpoints the head if events wait unsigned and a checkpoint is due (`force`: on demand, whenever
   * events wait). Two processes taking the same workspace's checkpoint queue on the head lock; the second
   * finds nothing unsigned.
   */
  take(workspaceId: string, actorId: string | null, force: boolean): Promise<CheckpointOutcome> {
    return this.unitOfWork.run(actorId, async (tx) => {
      const head = await this.repository.lockHead(tx.manager, workspaceId);
      const last = await this.repository.latest(workspaceId, tx.manager);
      if (!head) return {};
      // The event after a checkpoint is its own `audit.checkpoint`, which alone does not call for another.
      const unsigned = head.seq - (last ? last.seq + 1 : 0);
      if (unsigned <= 0) return { checkpoint: last };
      const age = last ? Date.now() - Date.parse(last.signedAt) : Infinity;
      const interval = this.config.audit.checkpointSeconds * 1000;
      if (!force && unsigned < this.config.audit.checkpointEvents && age < interval) return { checkpoint: last, retryInMs: interval - age };
      const checkpoint = this.signer.sign({ workspaceId, seq: head.seq, hash: head.hash, signedAt: new Date().toISOString() });
      if (!(await this.repository.insert(tx.manager, checkpoint))) return { checkpoint: await this.repository.latest(workspaceId, tx.manager) };
      tx.record({ workspaceId, type: 'audit.checkpoint', entityId: workspaceId, payload: checkpoint });
      return { checkpoint };
    });
  }
}
