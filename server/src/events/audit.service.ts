import { Injectable, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { EVENT_TYPES, canReadEvent, type AuditCheckpointDto, type AuditPublicKeyDto, type AuditVerificationDto, type Page } from '@enlace/shared';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { pageOf } from '../common/pagination.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository.js';
import { AuditSigner } from './audit-signer.js';
import { mapEvent } from './events.dto.js';
import { EventsRepository } from './events.repository.js';
import { eventHash } from './event-hash.js';

const BATCH = 1000;

/**
 * The audit trail: the hash chain recomputed against the signed checkpoints, the checkpoints themselves,
 * and an export that scripts/verify-audit.mjs checks against the public key without the server.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: EventsRepository,
    private readonly checkpoints: AuditCheckpointsRepository,
    private readonly taker: AuditCheckpoints,
    private readonly signer: AuditSigner,
    private readonly access: AccessService,
  ) {}

  /**
   * Recomputes the whole chain; a broken link names its event. Every stored checkpoint must carry a valid
   * signature and match the recomputed hash at its seq: someone who edits an event and recomputes every
   * later hash keeps the chain whole but cannot re-sign, so the first checkpoint after the edit fails, and
   * everything after the last checkpoint that holds is named broken (which event changed is not knowable).
   * Each checkpoint is checked twice: as its row, and as the `audit.checkpoint` event that published it.
   */
  async verify(auth: AuthUser, workspaceId: string): Promise<AuditVerificationDto> {
    await this.member(auth, workspaceId);
    const checkpoints = await this.allCheckpoints(workspaceId);
    let verified = 0;
    let provenSeq = 0;
    const checkpointFailed = (): AuditVerificationDto => ({ ok: false, checked: provenSeq, firstBrokenSeq: provenSeq + 1, checkpoints: verified });
    let prevHash = '';
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = await this.events.after(workspaceId, expectedSeq - 1, BATCH);
      for (const row of rows) {
        if (row.seq !== expectedSeq || row.prevHash !== prevHash || eventHash(prevHash, mapEvent(row)) !== row.hash) {
          return { ok: false, checked, firstBrokenSeq: expectedSeq, checkpoints: verified };
        }
        // An `audit.checkpoint` event carries the checkpoint of the head just before it: it still proves the
        // chain if the checkpoint's row was deleted.
        if (row.type === 'audit.checkpoint') {
          const carried = row.payload as AuditCheckpointDto;
          if (carried.seq !== row.seq - 1 || carried.hash !== prevHash || !this.signer.verify(carried)) return checkpointFailed();
          provenSeq = carried.seq;
        }
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
        const checkpoint = checkpoints[verified];
        if (checkpoint?.seq === row.seq) {
          if (checkpoint.hash !== row.hash || !this.signer.verify(checkpoint)) return checkpointFailed();
          verified += 1;
          provenSeq = row.seq;
        }
      }
      if (rows.length < BATCH) break;
    }
    // A checkpoint beyond the log: events it signed were removed.
    if (verified < checkpoints.length) return checkpointFailed();
    const head = await this.events.head(workspaceId);
    if (head.seq !== checked || head.hash !== prevHash) return { ok: false, checked, firstBrokenSeq: Math.min(head.seq, checked + 1), checkpoints: verified };
    return { ok: true, checked, checkpoints: verified };
  }

  async list(auth: AuthUser, workspaceId: string, after: number, limit: number): Promise<Page<AuditCheckpointDto>> {
    await this.member(auth, workspaceId);
    const rows = await this.checkpoints.after(workspaceId, after, limit + 1);
    return pageOf(rows, limit, (row) => row, (checkpoint) => String(checkpoint.seq));
  }

  /** A checkpoint now, if any event waits unsigned; otherwise the latest. */
  async checkpoint(auth: AuthUser, workspaceId: string): Promise<AuditCheckpointDto> {
    await this.member(auth, workspaceId);
    const { checkpoint } = await this.taker.take(workspaceId, auth.id, true);
    if (!checkpoint) throw new Error(`Workspace ${workspaceId} has no event head`);
    return checkpoint;
  }

  publicKey(): AuditPublicKeyDto {
    return this.signer.publicKeyDto();
  }

  /**
   * The stored log as JSON lines: a header, every checkpoint, every event (envelope, payload and hashes),
   * and an `end` line with the counts, so a truncated download is told apart from a complete one.
   * Checkpoints are read before the events, so every exported checkpoint's seq is in the export. The
   * export holds every payload, so only a member who may read every event type's payload may take it.
   */
  async export(auth: AuthUser, workspaceId: string): Promise<StreamableFile> {
    const access = await this.member(auth, workspaceId);
    if (!EVENT_TYPES.every((type) => canReadEvent(access.ability, { type, workspaceId }))) {
      throw new AppError('FORBIDDEN', 'Your role in this workspace does not allow reading every event, which an export holds');
    }
    const checkpoints = await this.allCheckpoints(workspaceId);
    const events = this.events;
    async function* lines(): AsyncGenerator<string> {
      yield line({ kind: 'export', format: 'enlace-audit-export/1', workspaceId, exportedAt: new Date().toISOString() });
      for (const checkpoint of checkpoints) yield line({ kind: 'checkpoint', ...checkpoint });
      let after = 0;
      let count = 0;
      for (;;) {
        const rows = await events.after(workspaceId, after, BATCH);
        for (const row of rows) yield line({ kind: 'event', ...mapEvent(row), prevHash: row.prevHash, hash: row.hash });
        count += rows.length;
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].seq;
      }
      yield line({ kind: 'end', events: count, checkpoints: checkpoints.length });
    }
    return new StreamableFile(Readable.from(lines()), {
      type: 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="audit-${workspaceId}.jsonl"`,
    });
  }

  private async member(auth: AuthUser, workspaceId: string) {
    const access = await this.access.workspace(auth, workspaceId);
    access.require('read', 'Workspace');
    return access;
  }

  private async allCheckpoints(workspaceId: string): Promise<AuditCheckpointDto[]> {
    const all: AuditCheckpointDto[] = [];
    for (;;) {
      const page = await this.checkpoints.after(workspaceId, all.at(-1)?.seq ?? 0, BATCH);
      all.push(...page);
      if (page.length < BATCH) return all;
    }
  }
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;
