import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import {
  SubscribeSchema,
  UnsubscribeSchema,
  type ClientToServerEvents,
  type PresenceUser,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@enlace/shared';
import type { Server, Socket } from 'socket.io';
import { UsersRepository } from '../accounts/users.repository.js';
import { UsersService } from '../accounts/users.service.js';
import { AuthGuard } from '../common/auth/auth.guard.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { TokenService } from '../common/auth/token.service.js';
import { AccessService } from '../common/authorization/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { mapEvent } from '../events/events.dto.js';
import { EventsRepository } from '../events/events.repository.js';
import { EventFanout, roomOf, userRoomOf } from './event-fanout.js';

interface SocketData {
  user: AuthUser;
  /** Of the handshake's access token: checked again once the socket is in its user room (see admit). */
  tokenGeneration: number;
  displayName: string;
  workspaces: Set<string>;
}
type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const MAX_MISSED = 1000;
/** Presence is coalesced: a thousand viewers arriving at once cause one update, not a thousand. */
const PRESENCE_DEBOUNCE_MS = 250;

/** Sockets join a workspace's room only after the same access check as the REST API. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  /** Per socket: whether its account was still active once it had joined its user room (see handleConnection). */
  private readonly admitted = new WeakMap<AppSocket, Promise<boolean>>();
  @WebSocketServer() private readonly server!: AppServer;

  constructor(
    private readonly authGuard: AuthGuard,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
    private readonly access: AccessService,
    private readonly events: EventsRepository,
    private readonly fanout: EventFanout,
    private readonly accounts: UsersService,
  ) {}

  /** Runs once the socket.io server exists (never in a CLI application context). */
  afterInit(): void {
    // Nest guards do not run on connect: authenticate in socket.io middleware, at the handshake.
    this.server.use((socket: AppSocket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.authenticate(typeof token === 'string' ? token : undefined, socket)
        .then(() => next())
        .catch(() => {
          this.logger.warn(`Socket refused: invalid token from ${socket.handshake.address}`);
          next(new Error('UNAUTHENTICATED'));
        });
    });
    this.fanout.attach(this.server as unknown as Parameters<EventFanout['attach']>[0]);
    // A disabled account loses every socket at once, on every process (the Redis adapter relays this).
    this.accounts.onDisable((userId) => {
      this.logger.log(`Disconnecting every socket of disabled account ${userId}`);
      this.server.in(userRoomOf(userId)).disconnectSockets(true);
    });
  }

  private async authenticate(token: string | undefined, socket: AppSocket): Promise<void> {
    const verified = token ? await this.tokens.verifyAccessToken(token) : undefined;
    if (!verified) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    const user = await this.authGuard.authenticate(`Bearer ${token}`);
    socket.data = { user, tokenGeneration: verified.generation, displayName: '', workspaces: new Set() };
    // An expired access token ends the socket; the client reconnects with a fresh one and catches up.
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, verified.expiresAt - Date.now()));
    socket.once('disconnect', () => clearTimeout(timer));
  }

  handleConnection(socket: AppSocket): void {
    void socket.join(userRoomOf(socket.data.user.id));
    // Joined first, checked again second: an account disabled after the handshake's check is either
    // seen here or reached through its user room by the disabling request, never missed.
    this.admitted.set(socket, this.admit(socket));
    this.logger.log(`Socket connected for user ${socket.data.user.id}`);
  }

  private async admit(socket: AppSocket): Promise<boolean> {
    const userId = socket.data.user.id;
    try {
      const entity = await this.users.findAuthenticated(userId, socket.data.tokenGeneration);
      if (entity) {
        socket.data.displayName = entity.displayName;
        return true;
      }
      this.logger.warn(`Socket closed: account ${userId} was disabled during the handshake`);
    } catch (error) {
      this.logger.warn(`Socket closed: could not check account ${userId}: ${(error as Error).message}`);
    }
    socket.disconnect(true);
    return false;
  }

  handleDisconnect(socket: AppSocket): void {
    this.logger.log(`Socket disconnected for user ${socket.data.user?.id ?? 'unknown'}`);
    for (const workspaceId of socket.data.workspaces ?? []) {
      this.fanout.release(workspaceId);
      this.schedulePresence(workspaceId);
    }
  }

  @SubscribeMessage('workspace:subscribe')
  async subscribe(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const parsed = SubscribeSchema.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'VALIDATION_FAILED', message: 'Expected {workspaceId, afterSeq?}' };
    const { workspaceId, afterSeq } = parsed.data;
    if (!(await this.admitted.get(socket))) return { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to continue' };
    // Follow the workspace before checking access, so that a removal committed after the check is seen here.
    const since = await this.fanout.track(workspaceId);
    try {
      const refused = await this.join(socket, workspaceId, since);
      if (refused) return refused;
    } finally {
      this.fanout.untrack(workspaceId);
    }
    // Joined, then read the head: every event is either in `missed` or delivered live.
    const head = await this.events.head(workspaceId);
    const missedRows = afterSeq === undefined ? [] : await this.events.after(workspaceId, afterSeq, MAX_MISSED, head.seq);
    this.schedulePresence(workspaceId);
    const truncated = afterSeq !== undefined && head.seq - afterSeq > missedRows.length;
    return { ok: true, seq: head.seq, missed: missedRows.map(mapEvent), ...(truncated && { truncated }) };
  }

  /** Checks access and joins the workspace's room; the refusal to acknowledge when the socket may not stay. */
  private async join(socket: AppSocket, workspaceId: string, since: number): Promise<SubscribeAck | undefined> {
    const userId = socket.data.user.id;
    try {
      (await this.access.workspace(socket.data.user, workspaceId)).require('read', 'Workspace');
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      return { ok: false, code, message: error instanceof AppError ? error.message : 'Subscription failed' };
    }
    await socket.join(roomOf(workspaceId));
    // Checked again once joined. A removal delivered during the access check found this socket outside the
    // room, so could not take it out (EventFanout.deliver does from now on). A socket closed meanwhile (its
    // account disabled) is in no room, as socket.io ignores a join after the disconnect: nothing more to do.
    if (socket.disconnected) return { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to continue' };
    if (this.fanout.removedSince(workspaceId, userId, since)) {
      await socket.leave(roomOf(workspaceId));
      socket.data.workspaces.delete(workspaceId);
      this.logger.warn(`Denied: user ${userId} was removed from workspace ${workspaceId} while subscribing`);
      return { ok: false, code: 'NOT_FOUND', message: 'Workspace not found' };
    }
    socket.data.workspaces.add(workspaceId);
    return undefined;
  }

  @SubscribeMessage('workspace:unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const parsed = UnsubscribeSchema.safeParse(body);
    if (!parsed.success) return { ok: false };
    const { workspaceId } = parsed.data;
    await socket.leave(roomOf(workspaceId));
    socket.data.workspaces.delete(workspaceId);
    this.fanout.release(workspaceId);
    this.schedulePresence(workspaceId);
    return { ok: true };
  }

  private schedulePresence(workspaceId: string): void {
    if (this.presenceTimers.has(workspaceId)) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(workspaceId);
      void this.broadcastPresence(workspaceId);
    }, PRESENCE_DEBOUNCE_MS);
    timer.unref();
    this.presenceTimers.set(workspaceId, timer);
  }

  /** Who is viewing, across every server process (through the adapter). */
  private async broadcastPresence(workspaceId: string): Promise<void> {
    try {
      const sockets = await this.server.in(roomOf(workspaceId)).fetchSockets();
      const users = new Map<string, PresenceUser>();
      for (const socket of sockets) users.set(socket.data.user.id, { id: socket.data.user.id, displayName: socket.data.displayName });
      this.server.to(roomOf(workspaceId)).emit('presence', { workspaceId, users: [...users.values()] });
    } catch (error) {
      this.logger.warn(`Presence update failed for workspace ${workspaceId}: ${(error as Error).message}`);
    }
  }
}
