import { Injectable } from '@nestjs/common';
import type { WorkspaceEvent } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { EventBus } from './event-bus.js';
import { EventsRepository } from './events.repository.js';
import { eventHash } from './event-hash.js';
import { WorkspaceEventEntity } from './workspace-event.entity.js';

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
    for (const [workspaceId, events] of byWorkspace) {
      const head = await this.events.lockHead(manager, workspaceId);
      const at = new Date();
      const rows: WorkspaceEventEntity[] = [];
      for (const event of events) {
        const logged: WorkspaceEvent = {
          workspaceId,
          seq: head.seq + 1,
          type: event.type,
          entityType: event.entityType,
          entityId: event.entityId,
          // Through JSON once, so the hashed payload is exactly what jsonb stores and returns.
          payload: JSON.parse(JSON.stringify(event.payload ?? null)) as unknown,
          actorId,
          at: at.toISOString(),
        };
        const hash = eventHash(head.hash, logged);
        rows.push(Object.assign(new WorkspaceEventEntity(), { ...logged, at, prevHash: head.hash, hash }));
        head.seq = logged.seq;
        head.hash = hash;
        appended.push(logged);
      }
      await this.events.insert(manager, rows, { workspaceId, ...head });
    }
    return appended;
  }
}
