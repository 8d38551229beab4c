import { Injectable } from '@nestjs/common';
import { EVENT_CATALOGUE, type EventPayload, type EventType, type WorkspaceEvent } from '@enlace/shared';
import type { ClientBase } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { EventBus } from './event-bus.js';
import { EventsRepository } from './events.repository.js';
import { canonicalAroundSeq } from './event-hash.js';

/** An event to record: a catalogued type with its payload; the entity type comes from the catalogue. */
export interface NewEvent<T extends EventType = EventType> {
  workspaceId: string;
  type: T;
  entityId: string;
  payload: EventPayload<T>;
}

export interface Tx {
  manager: EntityManager;
  /** Queue an event; it is appended to the workspace's log in this same transaction. */
  record<T extends EventType>(event: NewEvent<T>): void;
}

/** pg's pipeline mode, switched on for one unit of work at a time (pg sends pipelined statements in call order). */
type Connection = ClientBase & { pipeline: boolean };

/**
 * Every write to a workspace goes through here: the change and its events commit together or not at
 * all, and only committed events are broadcast. A write that records nothing appends nothing.
 *
 * The transaction is pipelined on its connection: BEGIN goes out together with the work's first
 * statement and COMMIT right behind the event append, so a write makes two round trips fewer than with
 * TypeORM's `transaction()`, and the workspace's event head stays locked for one round trip only.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly bus: EventBus,
  ) {}

  async run<T>(actorId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as Connection;
      connection.pipeline = true;
      // TypeORM's own flag: its repository calls in `work` then join this transaction instead of opening one.
      (runner as { isTransactionActive: boolean }).isTransactionActive = true;
      const begun = connection.query('BEGIN');
      begun.catch(() => undefined); // awaited below; a failure also fails every statement after it
      try {
        const pending: NewEvent[] = [];
        const result = await work({ manager: runner.manager, record: (event) => pending.push(event) });
        await begun;
        this.bus.publish(await this.commit(connection, actorId, pending));
        return result;
      } catch (error) {
        // Behind whatever the work still has in flight; once it answers, the connection is idle.
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.pipeline = false;
        (runner as { isTransactionActive: boolean }).isTransactionActive = false;
      }
    } finally {
      await runner.release();
    }
  }

  /** Appends the recorded events, then commits: COMMIT is sent right behind the appends, without waiting for them. */
  private async commit(connection: Connection, actorId: string | null, pending: NewEvent[]): Promise<WorkspaceEvent[]> {
    const byWorkspace = new Map<string, NewEvent[]>();
    for (const event of pending) byWorkspace.set(event.workspaceId, [...(byWorkspace.get(event.workspaceId) ?? []), event]);
    const at = new Date().toISOString();
    const appends = [...byWorkspace].map(([workspaceId, events]) => {
      const logged = events.map((event) => ({
        workspaceId,
        type: event.type,
        entityType: EVENT_CATALOGUE[event.type].entityType,
        entityId: event.entityId,
        // Through JSON once, so the hashed payload is exactly what jsonb stores and returns.
        payload: JSON.parse(JSON.stringify(event.payload ?? null)) as unknown,
        actorId,
        at,
      })) as Array<Omit<WorkspaceEvent, 'seq'>>;
      const chain = this.events.append(connection, workspaceId, logged.map((event) => ({ ...event, ...canonicalAroundSeq(event) })));
      return chain.then((seqs) => logged.map((event, i) => ({ ...event, seq: seqs[i].seq }) as WorkspaceEvent));
    });
    const [appended, committed] = await Promise.allSettled([Promise.all(appends), connection.query('COMMIT')]);
    if (appended.status === 'rejected') throw appended.reason;
    if (committed.status === 'rejected') throw committed.reason;
    // PostgreSQL answers COMMIT with ROLLBACK when a statement of the transaction failed, even one the work caught.
    if (committed.value.command !== 'COMMIT') throw new Error(`The transaction was not committed (${committed.value.command})`);
    return appended.value.flat();
  }
}
