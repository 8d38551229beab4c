import { Injectable, Logger } from '@nestjs/common';
import type { WorkspaceEvent } from '@enlace/shared';

type Listener = (events: WorkspaceEvent[]) => void;

/**
 * Committed events, in commit order, to whoever broadcasts them (the realtime gateway). Only ever fed
 * after the transaction commits; a listener that fails loses nothing, clients catch up from the log.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: WorkspaceEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.logger.error(`Broadcast failed: ${(error as Error).message}`);
      }
    }
  }
}
