import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkspaceEventEntity } from './workspace-event.entity.js';

@Injectable()
export class EventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createHead(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query('INSERT INTO workspace_event_heads (workspace_id) VALUES ($1)', [workspaceId]);
  }

  /** Locks the workspace's counter row until the transaction ends: this is what makes `seq` gap-free and ordered. */
  async lockHead(manager: EntityManager, workspaceId: string): Promise<{ seq: number; hash: string }> {
    const rows: Array<{ seq: string; hash: string }> = await manager.query(
      'SELECT seq, hash FROM workspace_event_heads WHERE workspace_id = $1 FOR UPDATE',
      [workspaceId],
    );
    if (rows.length === 0) throw new Error(`No event head for workspace ${workspaceId}`);
    return { seq: Number(rows[0].seq), hash: rows[0].hash };
  }

  /** Appends the events and moves the head in one statement: one round trip inside the write's transaction. */
  async insert(manager: EntityManager, events: WorkspaceEventEntity[], head: { workspaceId: string; seq: number; hash: string }): Promise<void> {
    const rows = events.map((e) => ({
      seq: e.seq,
      type: e.type,
      entity_type: e.entityType,
      entity_id: e.entityId,
      payload: e.payload,
      actor_id: e.actorId,
      at: e.at.toISOString(),
      prev_hash: e.prevHash,
      hash: e.hash,
    }));
    await manager.query(
      `WITH appended AS (
         INSERT INTO workspace_events (workspace_id, seq, type, entity_type, entity_id, payload, actor_id, at, prev_hash, hash)
         SELECT $1, r.seq, r.type, r.entity_type, r.entity_id, r.payload, r.actor_id, r.at, r.prev_hash, r.hash
           FROM jsonb_to_recordset($4::jsonb) AS r (seq bigint, type text, entity_type text, entity_id uuid, payload jsonb,
                                                    actor_id uuid, at timestamptz, prev_hash text, hash text)
       )
       UPDATE workspace_event_heads SET seq = $2, hash = $3 WHERE workspace_id = $1`,
      [head.workspaceId, head.seq, head.hash, JSON.stringify(rows)],
    );
  }

  async head(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<{ seq: number; hash: string }> {
    const rows: Array<{ seq: string; hash: string }> = await manager.query(
      'SELECT seq, hash FROM workspace_event_heads WHERE workspace_id = $1',
      [workspaceId],
    );
    return rows.length > 0 ? { seq: Number(rows[0].seq), hash: rows[0].hash } : { seq: 0, hash: '' };
  }

  after(workspaceId: string, afterSeq: number, limit: number, untilSeq?: number): Promise<WorkspaceEventEntity[]> {
    const query = this.dataSource
      .getRepository(WorkspaceEventEntity)
      .createQueryBuilder('e')
      .where('e.workspace_id = :workspaceId AND e.seq > :afterSeq', { workspaceId, afterSeq })
      .orderBy('e.seq', 'ASC')
      .take(limit);
    if (untilSeq !== undefined) query.andWhere('e.seq <= :untilSeq', { untilSeq });
    return query.getMany();
  }
}
