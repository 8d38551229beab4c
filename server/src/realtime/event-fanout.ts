import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HEAD_INTERVAL_MS, type ServerToClientEvents, type WorkspaceEvent } from '@enlace/shared';
import type { Server } from 'socket.io';
import { mapEvent } from '../events/events.dto.js';
import { EventsRepository } from '../events/events.repository.js';

interface RoomState {
  /** Highest seq delivered to this process's sockets; delivery is strictly in seq order. */
  delivered: number;
  pending: Map<number, WorkspaceEvent>;
  filling: boolean;
  /** Subscriptions between `track` and `untrack`: the state is kept for them even while the room is empty. */
  subscribing: number;
  /** While any subscription is in flight: the seq of each member's latest removal delivered meanwhile. */
  removals: Map<string, number>;
}

export const roomOf = (workspaceId: string) => `workspace:${workspaceId}`;
export const userRoomOf = (userId: string) => `user:${userId}`;

const GAP_WAIT_MS = 300;

const removedUserOf = (event: WorkspaceEvent) => (event.payload as { userId: string }).userId;

/**
 * Delivers committed events to this process's sockets in `seq` order per workspace. Events may arrive
 * out of order (several writers) or not at all (a lost broadcast): gaps are filled from the event log,
 * and a removal is applied before any later event, so a removed member never receives one.
 */
@Injectable()
export class EventFanout implements OnModuleDestroy {
  private readonly logger = new Logger(EventFanout.name);
  private readonly rooms = new Map<string, RoomState>();
  private server?: Server<Record<string, never>, ServerToClientEvents>;
  private readonly ticker: NodeJS.Timeout;

  constructor(private readonly events: EventsRepository) {
    this.ticker = setInterval(() => void this.tick(), HEAD_INTERVAL_MS);
    this.ticker.unref();
  }

  attach(server: Server<Record<string, never>, ServerToClientEvents>): void {
    this.server = server;
  }

  onModuleDestroy(): void {
    clearInterval(this.ticker);
  }

  /**
   * A subscription starts following a workspace here, before it checks access, and calls `untrack` once its
   * socket joined the room or was refused. Returns the seq delivered so far: every event committed after the
   * access check has a higher seq and is delivered here, in order, from now on (see `removedSince`).
   */
  async track(workspaceId: string): Promise<number> {
    let state = this.rooms.get(workspaceId);
    if (!state) {
      const head = await this.events.head(workspaceId);
      state = this.rooms.get(workspaceId) ?? { delivered: head.seq, pending: new Map(), filling: false, subscribing: 0, removals: new Map() };
      this.rooms.set(workspaceId, state);
    }
    state.subscribing += 1;
    return state.delivered;
  }

  untrack(workspaceId: string): void {
    const state = this.rooms.get(workspaceId);
    if (!state) return;
    state.subscribing -= 1;
    if (state.subscribing === 0) state.removals.clear();
    this.release(workspaceId);
  }

  /**
   * Whether a removal of `userId` with a seq after `since` was delivered while a subscription was in flight.
   * Such a removal found the subscribing socket not yet in the room, so could not take it out: the
   * subscription must, once it has joined, or the removed member would get the events that follow.
   */
  removedSince(workspaceId: string, userId: string, since: number): boolean {
    return (this.rooms.get(workspaceId)?.removals.get(userId) ?? 0) > since;
  }

  /** Stop following a workspace once no socket of this process is in its room nor about to join it. */
  release(workspaceId: string): void {
    const state = this.rooms.get(workspaceId);
    if (state && state.subscribing === 0 && !this.server?.sockets.adapter.rooms.get(roomOf(workspaceId))?.size) this.rooms.delete(workspaceId);
  }

  receive(events: WorkspaceEvent[]): void {
    const touched = new Set<string>();
    for (const event of events) {
      const state = this.rooms.get(event.workspaceId);
      if (!state || event.seq <= state.delivered) continue;
      state.pending.set(event.seq, event);
      touched.add(event.workspaceId);
    }
    for (const workspaceId of touched) this.drain(workspaceId);
  }

  private drain(workspaceId: string): void {
    const state = this.rooms.get(workspaceId);
    if (!state) return;
    for (let next = state.pending.get(state.delivered + 1); next; next = state.pending.get(state.delivered + 1)) {
      state.pending.delete(next.seq);
      state.delivered = next.seq;
      if (next.type === 'member.removed' && state.subscribing > 0) state.removals.set(removedUserOf(next), next.seq);
      this.deliver(next);
    }
    if (state.pending.size > 0 && !state.filling) {
      state.filling = true;
      setTimeout(() => void this.fill(workspaceId, state), GAP_WAIT_MS).unref();
    }
  }

  /** Reads the missing events from the log: the broadcast was lost or is late. */
  private async fill(workspaceId: string, state: RoomState): Promise<void> {
    try {
      const rows = await this.events.after(workspaceId, state.delivered, 1000);
      this.receive(rows.map(mapEvent));
    } catch (error) {
      this.logger.warn(`Could not fill a gap in workspace ${workspaceId}: ${(error as Error).message}`);
    } finally {
      state.filling = false;
      if (state.pending.size > 0) this.drain(workspaceId);
    }
  }

  private deliver(event: WorkspaceEvent): void {
    const server = this.server;
    if (!server) return;
    const room = roomOf(event.workspaceId);
    if (event.type === 'member.removed') {
      // Leave first, then send: the removed member's sockets get the notice, never the event stream.
      const removed = userRoomOf(removedUserOf(event));
      server.local.in(removed).socketsLeave(room);
      server.local.to(removed).emit('workspace:removed', { workspaceId: event.workspaceId });
    }
    server.local.to(room).emit('workspace:event', event);
  }

  /** Every few seconds: tell clients the head seq, and catch up anything this process missed. */
  private async tick(): Promise<void> {
    if (!this.server || this.rooms.size === 0) return;
    for (const [workspaceId, state] of this.rooms) {
      try {
        const head = await this.events.head(workspaceId);
        if (head.seq > state.delivered && !state.filling) {
          state.filling = true;
          await this.fill(workspaceId, state);
        }
        this.server.local.to(roomOf(workspaceId)).emit('workspace:head', { workspaceId, seq: head.seq });
      } catch (error) {
        this.logger.warn(`Head check failed for workspace ${workspaceId}: ${(error as Error).message}`);
      }
    }
  }
}
