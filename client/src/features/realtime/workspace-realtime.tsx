import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  isRedacted,
  type ClientToServerEvents,
  type DeliveredEvent,
  type EventType,
  type PresenceUser,
  type ServerToClientEvents,
  type SubscribeAck,
  type WorkspaceEvent,
  type WorkspaceEventOf,
} from '@enlace/shared';
import { refreshSession } from '../../api/refresh';
import { getAccessToken } from '../../api/session';
import { useUserId } from '../auth/hooks/use-user-id';
import { workspaceKeys } from '../workspaces/api/workspaces-api';
import { fetchEvents } from './events-api';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

const PAGE = 500;

/** What a feature plugs into a workspace's event stream. */
export interface RealtimeListener {
  /** Every event of the workspace, once, strictly in `seq` order: the full event, or its envelope (`redacted`). */
  event?(event: DeliveredEvent): void;
  /** The stream is in step with the log (first subscription, and every head): a time to fill what fell behind. */
  synced?(): void;
}

/** What a listener may read of the stream it is plugged into. */
export interface RealtimeStream {
  workspaceId: string;
  /** The last seq applied; null until the first subscription answers. */
  last(): number | null;
  /** A page of the log after `after`, oldest first, as this member may read it. */
  fetchEvents(after: number): Promise<{ items: DeliveredEvent[] }>;
}

interface RealtimeContextValue extends RealtimeStream {
  status: SocketStatus;
  presence: PresenceUser[];
  add(listener: RealtimeListener): () => void;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

/**
 * The live connection of one workspace, mounted by the workspace page and kept across its tabs. The one
 * place that orders events: duplicates are dropped, and a gap (a later event, or a head beyond what we
 * hold) is filled from the REST event log before anything newer is applied; reconnecting resubscribes
 * from the last seq. Features register listeners (useRealtimeListener) or typed handlers per event type
 * (useWorkspaceEvents) and never see an event twice or out of order.
 */
export function WorkspaceRealtimeProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const userId = useUserId();
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const [presence, setPresence] = useState<PresenceUser[]>([]);
  const listeners = useRef(new Set<RealtimeListener>()).current;
  const lastRef = useRef<number | null>(null);

  useEffect(() => {
    if (!userId) return;
    lastRef.current = null;
    let catchingUp = false;
    let closed = false;
    let refreshing = false;
    const synced = () => {
      for (const listener of listeners) listener.synced?.();
    };

    const applyInOrder = (event: DeliveredEvent) => {
      const last = lastRef.current;
      if (last === null || event.seq <= last) return;
      if (event.seq > last + 1) {
        void catchUp();
        return;
      }
      lastRef.current = event.seq;
      for (const listener of listeners) listener.event?.(event);
    };

    const catchUp = async () => {
      if (catchingUp || lastRef.current === null) return;
      catchingUp = true;
      try {
        for (;;) {
          const page = await fetchEvents(workspaceId, lastRef.current);
          if (closed) return;
          for (const event of page.items) applyInOrder(event);
          if (page.items.length < PAGE) break;
        }
      } catch {
        // The next head (every few seconds) tries again.
      } finally {
        catchingUp = false;
      }
    };

    const socket: AppSocket = io({
      path: '/socket.io',
      transports: ['websocket'],
      // A function, so every (re)connection sends the current token.
      auth: (callback) => callback({ token: getAccessToken() }),
    });

    const subscribe = () => {
      const last = lastRef.current;
      socket.emit('workspace:subscribe', last === null ? { workspaceId } : { workspaceId, afterSeq: last }, (ack: SubscribeAck) => {
        if (!ack.ok) return;
        if (lastRef.current === null) {
          // First subscription: from here on events; what was read before it and is behind it is filled.
          lastRef.current = ack.seq;
          synced();
          return;
        }
        for (const event of [...ack.missed].sort((a, b) => a.seq - b.seq)) applyInOrder(event);
        // More were missed than the acknowledgement carries: the rest comes from the log.
        if (ack.truncated || ack.seq > (lastRef.current ?? 0)) void catchUp();
      });
    };

    const refreshAndReconnect = async () => {
      if (refreshing) return;
      refreshing = true;
      try {
        const session = await refreshSession();
        if (session && !closed) socket.connect();
      } catch {
        if (!closed) setTimeout(() => !closed && socket.connect(), 5000);
      } finally {
        refreshing = false;
      }
    };

    socket.on('connect', () => {
      setStatus('connected');
      subscribe();
    });
    socket.on('disconnect', (reason) => {
      setStatus('disconnected');
      setPresence([]);
      // The server closed the socket (an expired token, say): it will not reconnect by itself.
      if (reason === 'io server disconnect' && !closed) void refreshAndReconnect();
    });
    socket.on('connect_error', () => {
      setStatus('disconnected');
      // A refused handshake (socket.active false) is not retried automatically: refresh and try again.
      if (!socket.active && !closed) void refreshAndReconnect();
    });
    socket.on('workspace:event', (event) => {
      if (event.workspaceId === workspaceId) applyInOrder(event);
    });
    socket.on('workspace:head', (head) => {
      if (head.workspaceId !== workspaceId || lastRef.current === null) return;
      if (head.seq > lastRef.current) void catchUp();
      synced();
    });
    socket.on('presence', (message) => {
      if (message.workspaceId === workspaceId) setPresence(message.users);
    });
    socket.on('workspace:removed', (notice) => {
      if (notice.workspaceId === workspaceId) void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(userId) });
    });

    return () => {
      closed = true;
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient, userId, workspaceId, listeners]);

  // The stream's functions keep their identity while status and presence change, so listeners stay plugged in.
  const stream = useMemo(
    () => ({
      workspaceId,
      last: () => lastRef.current,
      fetchEvents: (after: number) => fetchEvents(workspaceId, after),
      add(listener: RealtimeListener) {
        listeners.add(listener);
        // A listener that arrives once the stream is running starts by filling what it is behind on.
        if (lastRef.current !== null) listener.synced?.();
        return () => void listeners.delete(listener);
      },
    }),
    [workspaceId, listeners],
  );
  const value = useMemo<RealtimeContextValue>(() => ({ ...stream, status, presence }), [stream, status, presence]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

function useRealtime(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('Realtime hooks need a WorkspaceRealtimeProvider above them');
  return value;
}

/** The connection's state and who else is viewing the workspace. */
export function useRealtimeStatus(): { status: SocketStatus; presence: PresenceUser[] } {
  const { status, presence } = useRealtime();
  return { status, presence };
}

/**
 * Plugs a listener into the workspace's stream while the component is mounted. `create` runs again when
 * `deps` change; the listener's `stop` runs when it is unplugged.
 */
export function useRealtimeListener(create: (stream: RealtimeStream) => RealtimeListener & { stop?(): void }, deps: unknown[]): void {
  const { add, workspaceId, last, fetchEvents: fetchPage } = useRealtime();
  useEffect(() => {
    const listener = create({ workspaceId, last, fetchEvents: fetchPage });
    const remove = add(listener);
    return () => {
      remove();
      listener.stop?.();
    };
    // `create` is new at every render; `deps` say when it must run again.
  }, [add, workspaceId, last, fetchPage, ...deps]);
}

/** Handlers for the event types a feature cares about, each typed from the shared event catalogue. */
export type EventHandlers = { [T in EventType]?: (event: WorkspaceEventOf<T>) => void };

function dispatch(handlers: EventHandlers, event: WorkspaceEvent): void {
  // The map's key and the handler's parameter are the same T; TypeScript cannot follow that through a lookup.
  (handlers[event.type] as ((event: WorkspaceEvent) => void) | undefined)?.(event);
}

/** Calls the feature's handler of each event type it lists, for events this member may read. */
export function useWorkspaceEvents(handlers: EventHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useRealtimeListener(
    () => ({
      event: (event) => {
        if (!isRedacted(event)) dispatch(latest.current, event);
      },
    }),
    [],
  );
}
