import type { WorkspaceEvent } from '@enlace/shared';
import { z } from 'zod';
import { zodDto } from '../common/validation/zod-dto.js';
import type { WorkspaceEventEntity } from './workspace-event.entity.js';

export class EventsQueryDto extends zodDto(
  'EventsQueryDto',
  z.strictObject({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
) {}

/** `?cursor=&limit=` of the checkpoint list: the cursor is the seq of the last checkpoint of the previous page. */
export class CheckpointsQueryDto extends zodDto(
  'CheckpointsQuery',
  z.strictObject({
    cursor: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
) {}

/** A row of the log as its typed event: only catalogued types with their payloads are ever recorded (see UnitOfWork). */
export function mapEvent(row: WorkspaceEventEntity): WorkspaceEvent {
  return {
    workspaceId: row.workspaceId,
    seq: row.seq,
    type: row.type,
    entityType: row.entityType,
    entityId: row.entityId,
    payload: row.payload,
    actorId: row.actorId,
    at: row.at.toISOString(),
  } as WorkspaceEvent;
}
