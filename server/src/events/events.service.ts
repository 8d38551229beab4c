import { Injectable } from '@nestjs/common';
import { deliveredFor, type DeliveredEvent, type Page } from '@enlace/shared';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { mapEvent } from './events.dto.js';
import { EventsRepository } from './events.repository.js';
import { pageOf } from '../common/pagination.js';

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
}
