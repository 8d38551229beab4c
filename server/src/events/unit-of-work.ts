import { Injectable } from '@nestjs/common';
import type { WorkspaceEvent } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { EventBus } from './event-bus.js';
import { EventsRepository } from './events.repository.js';
import { canonicalAroundSeq } from './event-hash.js';

export interface NewEvent {
  workspaceId: string;
  type: string;
  entityType: string;
  entityId: string;
  payload: unknown;
}

export interface Tx {
  manager: EntityManager;
  /** Queue an event; it is appended to the workspace's log in this same transaction. */
  record(event: NewEvent): void;
}

/**
 * Every write to a workspace goes through here: the change and its events commit together or not at
 * all, and only committed events are broadcast. A write that records nothing appends nothing.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly bus: EventBus,
  ) {}

  async run<T>(actorId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    const { result, appended } = await this.dataSource.transaction(async (manager) => {
      const pending: NewEvent[] = [];
      const result = await work({ manager, record: (event) => pending.push(event) });
      return { result, appended: await this.append(manager, actorId, pending) };
    });
    this.bus.publish(appended);
    return result;
  }

  private async append(manager: EntityManager, actorId: string | null, pending: NewEvent[]): Promise<WorkspaceEvent[]> {
    const appended: WorkspaceEvent[] = [];
    const byWorkspace = new Map<string, NewEvent[]>();
    for (const event of pending) byWorkspace.set(event.workspaceId, [...(byWorkspace.get(event.workspaceId) ?? []), event]);
    const at = new Date().toISOString();
    for (const [workspaceId, events] of byWorkspace) {
      const logged: Array<Omit<WorkspaceEvent, 'seq'>> = events.map((event) => ({
        workspaceId,
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        // Through JSON once, so the hashed payload is exactly what jsonb stores and returns.
        payload: JSON.parse(JSON.stringify(event.payload ?? null)) as unknown,
        actorId,
        at,
      }));
      const chain = await this.events.append(manager, workspaceId, logged.map((event) => ({ ...event, ...canonicalAroundSeq(event) })));
      logged.forEach((event, i) => appended.push({ ...event, seq: chain[i].seq }));
    }
    return appended;
  }
}
