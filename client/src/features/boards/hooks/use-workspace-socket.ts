import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CommentDto,
  PresenceUser,
  ServerToClientEvents,
  SubscribeAck,
  WorkspaceEvent,
} from '@enlace/shared';
import { refreshSession } from '../../../api/refresh';
import { getAccessToken } from '../../../api/session';
import { workspaceKeys } from '../../workspaces/api/workspaces-api';
import { useUserId } from '../../workspaces/hooks/use-user-id';
import { boardKeys } from '../api/board-keys';
import { fetchEvents } from '../api/boards-api';
import { applyBoardListEvent, type BoardList } from '../board-cache';
import { createBoardSync } from '../board-sync';
import { appendComment } from './use-board';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

const PAGE = 500;

/**
 * Live updates of one workspace into the query cache. Events are applied strictly in `seq` order:
 * duplicates are dropped, and a gap (a later event, or a head beyond what we hold) is filled from
 * the REST event log before anything newer is applied. Reconnecting resubscribes from the last seq.
 * Cached boards follow `last` through createBoardSync, which also fills in what a board read missed.
 */
export function useWorkspaceSocket(workspaceId: string) {
  const queryClient = useQueryClient();
  const userId = useUserId();
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const [presence, setPresence] = useState<PresenceUser[]>([]);

  useEffect(() => {
    if (!userId) return;
    let last: number | null = null;
    let catchingUp = false;
    let closed = false;
    let refreshing = false;
    const boards = createBoardSync({ queryClient, userId, workspaceId, last: () => last, fetchEvents: (after) => fetchEvents(workspaceId, after) });

    const applyToCache = (event: WorkspaceEvent) => {
      boards.apply(event);
      // Everything else that events keep current.
      switch (event.entityType) {
        case 'board':
          queryClient.setQueryData<BoardList>(boardKeys.list(userId, workspaceId), (list) => (list ? applyBoardListEvent(list, event) : list));
          break;
        case 'comment':
          appendComment(queryClient, userId, event.payload as CommentDto);
          break;
        case 'member':
        case 'invitation':
          void queryClient.invalidateQueries({ queryKey: workspaceKeys.members(userId, workspaceId) });
          void queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(userId, workspaceId) });
          break;
        case 'workspace':
          void queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(userId, workspaceId) });
          break;
      }
    };

    const applyInOrder = (event: WorkspaceEvent) => {
      if (last === null || event.seq <= last) return;
      if (event.seq > last + 1) {
        void catchUp();
        return;
      }
      applyToCache(event);
      last = event.seq;
    };

    const catchUp = async () => {
      if (catchingUp || last === null) return;
      catchingUp = true;
      try {
        for (;;) {
          const page = await fetchEvents(workspaceId, last);
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
      socket.emit('workspace:subscribe', last === null ? { workspaceId } : { workspaceId, afterSeq: last }, (ack: SubscribeAck) => {
        if (!ack.ok) return;
        if (last === null) {
          // First subscription: from here on events; boards read before it that are behind it are filled.
          last = ack.seq;
          boards.fillAll();
          return;
        }
        for (const event of [...ack.missed].sort((a, b) => a.seq - b.seq)) applyInOrder(event);
        if (ack.truncated || ack.seq > (last ?? 0)) void catchUp();
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
      if (head.workspaceId !== workspaceId || last === null) return;
      if (head.seq > last) void catchUp();
      // A board fill that failed is tried again.
      boards.fillAll();
    });
    socket.on('presence', (message) => {
      if (message.workspaceId === workspaceId) setPresence(message.users);
    });
    socket.on('workspace:removed', (notice) => {
      if (notice.workspaceId === workspaceId) void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(userId) });
    });

    return () => {
      closed = true;
      boards.stop();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient, userId, workspaceId]);

  return { status, presence };
}
