import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  HEAD_INTERVAL_MS,
  READ_AUDIENCES,
  audienceAbility,
  audienceKey,
  canReadEvent,
  readAudienceOf,
  redact,
  type EventType,
  type ReadAudience,
  type ServerToClientEvents,
  type WorkspaceEvent,
} from '@enlace/shared';
import type { Server, Socket } from 'socket.io';
import { mapEvent } from '../events/events.dto.js';
import { EventsRepository } from '../events/events.repository.js';

interface RoomState {
  /** Highest seq delivered to this process's sockets; delivery is strictly in seq order. */
  delivered: number;
  pending: Map<number, WorkspaceEvent>;
  filling: boolean;
  /** Subscriptions between `track` and `untrack`: the state is kept for them even while the room is empty. */
  subscribing: number;
  /**
   * While any subscription is in flight: each member's latest membership change delivered meanwhile, with
   * its seq: their new read audience, or null for a removal.
   */
  changes: Map<string, MembershipChange>;
}

export interface MembershipChange {
  seq: number;
  audience: ReadAudience | null;
}

export const roomOf = (workspaceId: string) => `workspace:${workspaceId}`;
export const userRoomOf = (userId: string) => `user:${userId}`;
/** The sockets opened with one sign-in's access tokens: closed when that session ends. */
export const sessionRoomOf = (sessionId: string) => `session:${sessionId}`;
/** Each socket in a workspace's room is also in exactly one of its audience rooms (see ReadAudience). */
export const audienceRoomOf = (workspaceId: string, audience: ReadAudience) => `workspace:${workspaceId}#${audienceKey(audience)}`;

const GAP_WAIT_MS = 300;

/** A membership change carried by an event: who, and their new audience (null: removed). */
function membershipChangeOf(event: WorkspaceEvent): { userId: string; audience: ReadAudience | null } | undefined {
  if (event.type === 'member.removed') return { userId: event.payload.userId, audience: null };
  if (event.type === 'member.updated') return { userId: event.payload.userId, audience: readAudienceOf(event.payload) };
  return undefined;
}

/** Whether each audience may read each event type's payload: the rules do not depend on which workspace. */
const readable = new Map<string, boolean>();
function audienceReads(audience: ReadAudience, type: EventType): boolean {
  const key = `${audienceKey(audience)} ${type}`;
  let can = readable.get(key);
  if (can === undefined) {
    can = canReadEvent(audienceAbility('00000000-0000-0000-0000-000000000000', audience), { type, workspaceId: '00000000-0000-0000-0000-000000000000' });
    readable.set(key, can);
  }
  return can;
}

/**
 * Delivers committed events to this process's sockets in `seq` order per workspace. Events may arrive
 * out of order (several writers) or not at all (a lost broadcast): gaps are filled from the event log,
 * and a membership change is applied before any later event, so a removed member never receives one and
 * a member whose role changed reads from then on what the new role allows. Each audience of the room
 * gets the full event or, when its ability may not read the payload, the envelope (`redacted: true`):
 * one encoded frame per kind, never one per socket.
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
      state = this.rooms.get(workspaceId) ?? { delivered: head.seq, pending: new Map(), filling: false, subscribing: 0, changes: new Map() };
      this.rooms.set(workspaceId, state);
    }
    state.subscribing += 1;
    return state.delivered;
  }

  untrack(workspaceId: string): void {
    const state = this.rooms.get(workspaceId);
    if (!state) return;
    state.subscribing -= 1;
    if (state.subscribing === 0) state.changes.clear();
    this.release(workspaceId);
  }

  /**
   * The latest change of `userId`'s membership with a seq after `since` delivered while a subscription was
   * in flight. Such a change found the subscribing socket not yet in the room, so could not move it: the
   * subscription must, once it has joined, or a removed member would get the events that follow, and a
   * demoted one payloads its new role may not read.
   */
  changedSince(workspaceId: string, userId: string, since: number): MembershipChange | undefined {
    const change = this.rooms.get(workspaceId)?.changes.get(userId);
    return change && change.seq > since ? change : undefined;
  }

  /** Puts a socket that is in a workspace's room into `audience`'s room there, and out of the others. */
  static placeInAudience(socket: Socket, workspaceId: string, audience: ReadAudience): void {
    for (const other of READ_AUDIENCES) if (audienceKey(other) !== audienceKey(audience)) void socket.leave(audienceRoomOf(workspaceId, other));
    void socket.join(audienceRoomOf(workspaceId, audience));
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
      const change = state.subscribing > 0 ? membershipChangeOf(next) : undefined;
      if (change) state.changes.set(change.userId, { seq: next.seq, audience: change.audience });
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
    const { workspaceId } = event;
    const room = roomOf(workspaceId);
    const change = membershipChangeOf(event);
    if (change?.audience === null) {
      // Leave first, then send: the removed member's sockets get the notice, never the event stream.
      const removed = userRoomOf(change.userId);
      server.local.in(removed).socketsLeave([room, ...READ_AUDIENCES.map((audience) => audienceRoomOf(workspaceId, audience))]);
      server.local.to(removed).emit('workspace:removed', { workspaceId });
    } else if (change) {
      this.moveToAudience(change.userId, workspaceId, change.audience);
    }
    const rooms = server.sockets.adapter.rooms;
    const readers: string[] = [];
    const others: string[] = [];
    for (const audience of READ_AUDIENCES) {
      const audienceRoom = audienceRoomOf(workspaceId, audience);
      if (rooms.get(audienceRoom)?.size) (audienceReads(audience, event.type) ? readers : others).push(audienceRoom);
    }
    // Most events every member may read: the whole room at once, as before audiences existed.
    if (others.length === 0) server.local.to(room).emit('workspace:event', event);
    else {
      if (readers.length > 0) server.local.to(readers).emit('workspace:event', event);
      server.local.to(others).emit('workspace:event', redact(event));
    }
  }

  /** A member's role or grant changed: their sockets in the workspace's room read as the new audience from now on. */
  private moveToAudience(userId: string, workspaceId: string, audience: ReadAudience): void {
    const server = this.server!;
    for (const socketId of server.sockets.adapter.rooms.get(userRoomOf(userId)) ?? []) {
      const socket = server.sockets.sockets.get(socketId);
      if (socket?.rooms.has(roomOf(workspaceId))) EventFanout.placeInAudience(socket, workspaceId, audience);
    }
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
