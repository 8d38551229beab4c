import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { WorkspaceEvent } from '@enlace/shared';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { EventBus } from './event-bus.js';

interface Pending {
  events: number;
  timer?: NodeJS.Timeout;
}

/**
 * When to checkpoint: after commits, once a workspace has AUDIT_CHECKPOINT_EVENTS new events or its first
 * unsigned event is AUDIT_CHECKPOINT_SECONDS old, whichever comes first. It listens to the event bus, so
 * a write only counts its events here; the checkpoint itself runs afterwards, one at a time per
 * workspace in this process (and across processes, one after the other on the head lock).
 */
@Injectable()
export class CheckpointScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<string, Promise<void>>();
  /** Workspaces whose checkpoint came due again while one was being taken. */
  private readonly again = new Set<string>();
  private closed = false;
  private unsubscribe?: () => void;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly bus: EventBus,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((events) => this.committed(events));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled(this.running.values());
  }

  private committed(events: WorkspaceEvent[]): void {
    for (const event of events) {
      if (event.type === 'audit.checkpoint') continue;
      const pending = this.pending.get(event.workspaceId) ?? { events: 0 };
      pending.events += 1;
      this.pending.set(event.workspaceId, pending);
      if (pending.events >= this.config.audit.checkpointEvents) this.start(event.workspaceId);
      else pending.timer ??= this.later(event.workspaceId, this.config.audit.checkpointSeconds * 1000);
    }
  }

  private later(workspaceId: string, ms: number): NodeJS.Timeout {
    return setTimeout(() => this.start(workspaceId), ms).unref();
  }

  private start(workspaceId: string): void {
    if (this.closed) return;
    if (this.running.has(workspaceId)) {
      this.again.add(workspaceId);
      return;
    }
    const pending = this.pending.get(workspaceId);
    clearTimeout(pending?.timer);
    this.pending.delete(workspaceId);
    const job = this.checkpoints
      .take(workspaceId, null, false)
      .then(({ retryInMs }) => {
        if (retryInMs === undefined) return;
        const next = this.pending.get(workspaceId) ?? { events: 0 };
        next.timer ??= this.later(workspaceId, retryInMs);
        this.pending.set(workspaceId, next);
      })
      .catch((error: Error) => this.logger.error(`Checkpoint of workspace ${workspaceId} failed: ${error.message}`))
      .finally(() => {
        this.running.delete(workspaceId);
        if (this.again.delete(workspaceId)) this.start(workspaceId);
      });
    this.running.set(workspaceId, job);
  }
}
