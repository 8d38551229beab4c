import { Inject, Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import {
  MAX_MISSED,
  SOCKET_RATE,
  SubscribeSchema,
  UnsubscribeSchema,
  deliveredFor,
  readAudienceOf,
  type ClientToServerEvents,
  type PresenceUser,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@enlace/shared';
import type { Server, Socket } from 'socket.io';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthService } from '../accounts/auth.service.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { UsersService } from '../accounts/users.service.js';
import { AuthGuard } from '../common/auth/auth.guard.js';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { TokenService, type VerifiedAccessToken } from '../common/auth/token.service.js';
import { AccessService, type WorkspaceAccess } from '../workspaces/access.service.js';
import { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import { AppError } from '../common/errors/app-error.js';
import { mapEvent } from '../events/events.dto.js';
import { EventsRepository } from '../events/events.repository.js';
import { EventFanout, roomOf, sessionRoomOf, userRoomOf } from './event-fanout.js';
import { TokenBucket } from './token-bucket.js';

interface SocketData {
  user: AuthUser;
  /** The handshake's access token: checked again once the socket is in its user room (see admit). */
  token: VerifiedAccessToken;
  displayName: string;
  workspaces: Set<string>;
}
type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Presence is coalesced: a thousand viewers arriving at once cause one update, not a thousand. */
const PRESENCE_DEBOUNCE_MS = 250;

/** Sockets join a workspace's room only after the same access check as the REST API. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  /** Per socket: whether its account was still active once it had joined its user room (see handleConnection). */
  private readonly admitted = new WeakMap<AppSocket, Promise<boolean>>();
  /** Message budgets: per socket (SOCKET_RATE), and per user across their sockets on this process (SOCKET_USER_BURST). */
  private readonly socketBuckets = new WeakMap<AppSocket, TokenBucket>();
  private readonly userBuckets = new Map<string, TokenBucket>();
  @WebSocketServer() private readonly server!: AppServer;

  constructor(
    private readonly authGuard: AuthGuard,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
    private readonly access: AccessService,
    private readonly workspaces: WorkspacesRepository,
    private readonly events: EventsRepository,
    private readonly fanout: EventFanout,
    private readonly accounts: UsersService,
    private readonly organizations: AccountsService,
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: Config,
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
    // Joining an organisation, or its law-enforcement flag changing, changed what a person may read (the assistance track): their sockets
    // close on every process, and reconnect and catch up reading as their new audience.
    this.organizations.onLawEnforcementChanged((userIds) => {
      this.logger.log(`Disconnecting the sockets of ${userIds.length} accounts whose organisation, or its law-enforcement flag, changed`);
      for (const userId of userIds) this.server.in(userRoomOf(userId)).disconnectSockets(true);
    });
    // A session that ended (logout, a replayed refresh token) loses its sockets at once, on every process.
    this.auth.onSessionEnded((sessionId) => {
      this.logger.log(`Disconnecting the sockets of ended session ${sessionId}`);
      this.server.in(sessionRoomOf(sessionId)).disconnectSockets(true);
    });
  }

  private async authenticate(token: string | undefined, socket: AppSocket): Promise<void> {
    const verified = token ? await this.tokens.verifyAccessToken(token) : undefined;
    if (!verified) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    const user = await this.authGuard.authenticate(`Bearer ${token}`);
    socket.data = { user, token: verified, displayName: '', workspaces: new Set() };
    // An expired access token ends the socket; the client reconnects with a fresh one and catches up.
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, verified.expiresAt - Date.now()));
    socket.once('disconnect', () => clearTimeout(timer));
  }

  handleConnection(socket: AppSocket): void {
    void socket.join([userRoomOf(socket.data.user.id), sessionRoomOf(socket.data.token.sessionId)]);
    // Joined first, checked again second: an account disabled after the handshake's check is either
    // seen here or reached through its user room by the disabling request, never missed.
    this.admitted.set(socket, this.admit(socket));
    this.logger.log(`Socket connected for user ${socket.data.user.id}`);
  }

  private async admit(socket: AppSocket): Promise<boolean> {
    const userId = socket.data.user.id;
    try {
      const entity = await this.users.findAuthenticated(socket.data.token);
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
    const userId = socket.data.user?.id;
    if (userId && this.userBuckets.get(userId)?.full(Date.now())) this.userBuckets.delete(userId);
    for (const workspaceId of socket.data.workspaces ?? []) {
      this.fanout.release(workspaceId);
      this.schedulePresence(workspaceId);
      if (userId) this.markSeen(workspaceId, userId);
    }
  }

  /**
   * A member viewing a workspace has seen what was delivered to them: its start page counts as unread only
   * what came after. Recorded on subscribing and on leaving; not awaited, the acknowledgement does not wait for it.
   */
  private markSeen(workspaceId: string, userId: string): void {
    this.workspaces.markSeen(workspaceId, userId).catch((error: Error) => this.logger.warn(`Could not record what user ${userId} has seen of workspace ${workspaceId}: ${error.message}`));
  }

  /**
   * Spends one message of the socket's and of its user's budget; false when either is empty. A flood of
   * subscriptions (each a log read) would otherwise slow every other member's live events.
   */
  private withinRate(socket: AppSocket): boolean {
    const now = Date.now();
    const userId = socket.data.user.id;
    let perSocket = this.socketBuckets.get(socket);
    if (!perSocket) this.socketBuckets.set(socket, (perSocket = new TokenBucket(SOCKET_RATE.burst, SOCKET_RATE.perSecond, now)));
    let perUser = this.userBuckets.get(userId);
    const { socketUserBurst } = this.config;
    if (!perUser) this.userBuckets.set(userId, (perUser = new TokenBucket(socketUserBurst, socketUserBurst / 12, now)));
    if (perSocket.take(now) && perUser.take(now)) return true;
    this.logger.warn(`Socket message refused: user ${userId} is over the rate limit`);
    return false;
  }

  @SubscribeMessage('workspace:subscribe')
  async subscribe(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    if (!this.withinRate(socket)) return { ok: false, code: 'RATE_LIMITED', message: 'Too many requests on this connection; wait a moment' };
    const parsed = SubscribeSchema.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'VALIDATION_FAILED', message: 'Expected {workspaceId, afterSeq?}' };
    const { workspaceId, afterSeq } = parsed.data;
    if (!(await this.admitted.get(socket))) return { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to continue' };
    // Follow the workspace before checking access, so that a removal committed after the check is seen here.
    const since = await this.fanout.track(workspaceId);
    let access: WorkspaceAccess;
    try {
      const joined = await this.join(socket, workspaceId, since);
      if (!joined.ok) return joined.refusal;
      access = joined.access;
    } finally {
      this.fanout.untrack(workspaceId);
    }
    // Joined, then read the head: every event is either in `missed` or delivered live.
    const head = await this.events.head(workspaceId);
    const missedRows = afterSeq === undefined ? [] : await this.events.after(workspaceId, afterSeq, MAX_MISSED, head.seq);
    this.schedulePresence(workspaceId);
    const truncated = afterSeq !== undefined && head.seq - afterSeq > missedRows.length;
    const missed = missedRows.map((row) => deliveredFor(access.ability, mapEvent(row)));
    this.markSeen(workspaceId, socket.data.user.id);
    return { ok: true, seq: head.seq, missed, ...(truncated && { truncated }) };
  }

  /**
   * Checks access and joins the workspace's room and the room of the member's read audience; the refusal
   * to acknowledge when the socket may not stay.
   */
  private async join(
    socket: AppSocket,
    workspaceId: string,
    since: number,
  ): Promise<{ ok: true; access: WorkspaceAccess } | { ok: false; refusal: SubscribeAck }> {
    const userId = socket.data.user.id;
    let access: WorkspaceAccess;
    try {
      access = await this.access.workspace(socket.data.user, workspaceId);
      access.require('read', 'Workspace');
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      return { ok: false, refusal: { ok: false, code, message: error instanceof AppError ? error.message : 'Subscription failed' } };
    }
    await socket.join(roomOf(workspaceId));
    EventFanout.placeInAudience(socket, workspaceId, readAudienceOf(access.membership));
    // Checked again once joined. A membership change delivered during the access check found this socket
    // outside the room, so could not move it (EventFanout.deliver does from now on). A socket closed
    // meanwhile (its account disabled) is in no room, as socket.io ignores a join after the disconnect.
    if (socket.disconnected) return { ok: false, refusal: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to continue' } };
    const change = this.fanout.changedSince(workspaceId, userId, since);
    if (change?.audience === null) {
      this.leave(socket, workspaceId);
      this.logger.warn(`Denied: user ${userId} was removed from workspace ${workspaceId} while subscribing`);
      return { ok: false, refusal: { ok: false, code: 'NOT_FOUND', message: 'Workspace not found' } };
    }
    if (change) {
      EventFanout.placeInAudience(socket, workspaceId, change.audience);
      // `missed` is read with the ability of the membership as it is now.
      access = await this.access.workspace(socket.data.user, workspaceId);
    }
    socket.data.workspaces.add(workspaceId);
    return { ok: true, access };
  }

  /** Out of the workspace's room and its audience rooms. */
  private leave(socket: AppSocket, workspaceId: string): void {
    for (const room of socket.rooms) if (room === roomOf(workspaceId) || room.startsWith(`${roomOf(workspaceId)}#`)) void socket.leave(room);
    socket.data.workspaces.delete(workspaceId);
  }

  @SubscribeMessage('workspace:unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    if (!this.withinRate(socket)) return { ok: false };
    const parsed = UnsubscribeSchema.safeParse(body);
    if (!parsed.success) return { ok: false };
    const { workspaceId } = parsed.data;
    const wasIn = socket.data.workspaces.has(workspaceId);
    this.leave(socket, workspaceId);
    if (wasIn) this.markSeen(workspaceId, socket.data.user.id);
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
