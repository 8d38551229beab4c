import { Injectable } from '@nestjs/common';
import { deliveredFor, type AuditVerificationDto, type DeliveredEvent, type Page } from '@enlace/shared';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { mapEvent } from './events.dto.js';
import { EventsRepository } from './events.repository.js';
import { eventHash } from './event-hash.js';
import { pageOf } from '../common/pagination.js';

const VERIFY_BATCH = 1000;

@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * Catch-up: the events after `after`, oldest first, each as the caller may read it (the envelope alone
   * where their ability does not allow the payload); `nextCursor` is the seq to continue from.
   */
  async list(auth: AuthUser, workspaceId: string, after: number, limit: number): Promise<Page<DeliveredEvent>> {
    const access = await this.access.workspace(auth, workspaceId);
    access.require('read', 'Workspace');
    const rows = await this.events.after(workspaceId, after, limit + 1);
    return pageOf(rows, limit, (row) => deliveredFor(access.ability, mapEvent(row)), (event) => String(event.seq));
  }

  /** Recomputes the whole chain; the first event whose link or hash does not hold is named. */
  async verify(auth: AuthUser, workspaceId: string): Promise<AuditVerificationDto> {
    const access = await this.access.workspace(auth, workspaceId);
    access.require('read', 'Workspace');
    let prevHash = '';
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = await this.events.after(workspaceId, expectedSeq - 1, VERIFY_BATCH);
      for (const row of rows) {
        if (row.seq !== expectedSeq || row.prevHash !== prevHash || eventHash(prevHash, mapEvent(row)) !== row.hash) {
          return { ok: false, checked, firstBrokenSeq: expectedSeq };
        }
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    const head = await this.events.head(workspaceId);
    if (head.seq !== checked || head.hash !== prevHash) return { ok: false, checked, firstBrokenSeq: Math.min(head.seq, checked + 1) };
    return { ok: true, checked };
  }
}
