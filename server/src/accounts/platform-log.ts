import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PLATFORM_EVENT_CATALOGUE, type PlatformEventPayload, type PlatformEventType } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../events/event-hash.js';

export interface NewPlatformEvent<T extends PlatformEventType> {
  type: T;
  entityId: string;
  /** The organisation the event is about, if any: its admins' business. */
  organizationId: string | null;
  payload: PlatformEventPayload<T>;
}

/**
 * The platform-level event log (account and organisation changes), of the workspace log's form: a gap-free
 * seq allocated under the head row's lock, each event hash-chained to the previous. `record` runs on the
 * change's own transaction, so the change and its event commit together. Platform changes are rare, so one
 * head row serialising them costs nothing that matters.
 */
@Injectable()
export class PlatformLog {
  async record<T extends PlatformEventType>(manager: EntityManager, actorId: string | null, event: NewPlatformEvent<T>): Promise<void> {
    const [head] = (await manager.query('SELECT seq, hash FROM platform_event_head FOR UPDATE')) as Array<{ seq: string; hash: string }>;
    const stored = {
      seq: Number(head.seq) + 1,
      type: event.type,
      entityType: PLATFORM_EVENT_CATALOGUE[event.type].entityType,
      entityId: event.entityId,
      organizationId: event.organizationId,
      payload: JSON.parse(JSON.stringify(event.payload)) as unknown,
      actorId,
      at: new Date().toISOString(),
    };
    const hash = createHash('sha256').update(head.hash).update(canonicalJson(stored)).digest('hex');
    await manager.query(
      `INSERT INTO platform_events (seq, type, entity_type, entity_id, organization_id, payload, actor_id, at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [stored.seq, stored.type, stored.entityType, stored.entityId, stored.organizationId, JSON.stringify(stored.payload), actorId, stored.at, head.hash, hash],
    );
    await manager.query('UPDATE platform_event_head SET seq = $1, hash = $2', [stored.seq, hash]);
  }
}
