import { Injectable } from '@nestjs/common';
import type { WorkspaceEvent } from '@enlace/shared';
import type { ClientBase } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedOn } from '../common/database/prepared.js';
import { WorkspaceEventEntity } from './workspace-event.entity.js';

/** An event to append: everything but its seq and hashes, and its canonical text around the seq. */
export interface AppendedEvent extends Omit<WorkspaceEvent, 'seq'> {
  before: string;
  after: string;
}

const APPEND = `WITH RECURSIVE
  head AS (SELECT seq, hash FROM workspace_event_heads WHERE workspace_id = $1 FOR UPDATE),
  input AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS r (n int, type text, entity_type text, entity_id uuid, payload jsonb,
                                                               actor_id uuid, at timestamptz, before text, after text)),
  -- With no head row (a broken invariant) the chain starts from NULL and the insert fails on NOT NULL:
  -- the error has to come from this statement, since the COMMIT pipelined behind it must roll back.
  chain (n, seq, hash, prev_hash) AS (
    SELECT 0, head.seq, head.hash, NULL FROM (VALUES (1)) AS one LEFT JOIN head ON true
    UNION ALL
    SELECT i.n, chain.seq + 1, encode(sha256(convert_to(chain.hash || i.before || (chain.seq + 1)::text || i.after, 'UTF8')), 'hex'), chain.hash
      FROM chain JOIN input i ON i.n = chain.n + 1
  ),
  appended AS (
    INSERT INTO workspace_events (workspace_id, seq, type, entity_type, entity_id, payload, actor_id, at, prev_hash, hash)
    SELECT $1, c.seq, i.type, i.entity_type, i.entity_id, i.payload, i.actor_id, i.at, c.prev_hash, c.hash FROM chain c JOIN input i USING (n)
  ),
  moved AS (
    UPDATE workspace_event_heads h SET seq = c.seq, hash = c.hash FROM chain c
     WHERE h.workspace_id = $1 AND c.n = (SELECT max(n) FROM chain) AND c.n > 0
  )
SELECT seq, hash FROM chain WHERE n > 0 ORDER BY n`;

@Injectable()
export class EventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createHead(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query('INSERT INTO workspace_event_heads (workspace_id) VALUES ($1)', [workspaceId]);
  }

  /**
   * Appends events to a workspace's log in one statement, on the connection of the write's transaction.
   * It locks the workspace's counter row (which is what makes `seq` gap-free and ordered, and is held
   * until COMMIT), numbers the events after the head, chains each hash to the previous one, inserts them
   * and moves the head. The hash is sha256(previous hash + canonical event); the caller gives each
   * event's canonical text around its seq (see canonicalAroundSeq), since only this statement knows the seq.
   * The statement is sent before this returns, so a COMMIT sent next is pipelined right behind it.
   */
  append(connection: ClientBase, workspaceId: string, events: AppendedEvent[]): Promise<Array<{ seq: number; hash: string }>> {
    const values = [
      workspaceId,
      JSON.stringify(
        events.map((e, i) => ({
          n: i + 1,
          type: e.type,
          entity_type: e.entityType,
          entity_id: e.entityId,
          payload: e.payload,
          actor_id: e.actorId,
          at: e.at,
          before: e.before,
          after: e.after,
        })),
      ),
    ];
    return preparedOn<{ seq: string; hash: string }>(connection, APPEND, values).then(({ rows }) => {
      if (rows.length !== events.length) throw new Error(`No event head for workspace ${workspaceId}`);
      return rows.map((row) => ({ seq: Number(row.seq), hash: row.hash }));
    });
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
