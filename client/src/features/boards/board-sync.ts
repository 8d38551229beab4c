import { matchQuery, type QueryClient } from '@tanstack/react-query';
import type { BoardSnapshotDto, DeliveredEvent } from '@enlace/shared';
import { boardKeys } from './api/board-keys';
import { applyBoardEvent } from './board-cache';

export interface BoardSyncOptions {
  queryClient: QueryClient;
  userId: string;
  workspaceId: string;
  /** The last seq the socket has applied; null until the first subscription answers. */
  last: () => number | null;
  /** A page of the workspace's event log after `after`, oldest first. */
  fetchEvents: (after: number) => Promise<{ items: DeliveredEvent[] }>;
}

/**
 * Keeps the cached boards of one workspace in step with the socket's `last`. Each cached board is a
 * snapshot that says which seq it includes, and takes events only in order after it (applyBoardEvent).
 * A board read over REST while events flow (first load, switching boards, a refetch) can be older than
 * events the socket already applied, to nothing or to the data the read then replaced: whenever a board
 * of this workspace lands in the cache behind `last`, the events in between come from the log. Watching
 * the cache, rather than doing this in the query function, covers every way a board gets there.
 */
/** Archiving, restoring or deleting a card, or editing an archived one. */
const archivedBoardOf = (event: DeliveredEvent): string | undefined => {
  if ('redacted' in event) return undefined;
  switch (event.type) {
    case 'card.archived':
    case 'card.restored':
    case 'card.deleted':
      return event.payload.boardId;
    case 'card.updated':
      return event.payload.archived ? event.payload.boardId : undefined;
    default:
      return undefined;
  }
};

export function createBoardSync({ queryClient, userId, workspaceId, last, fetchEvents }: BoardSyncOptions) {
  const details = { queryKey: boardKeys.details(userId) };
  /** Boards whose fill is under way: one at a time per board. */
  const filling = new Set<string>();
  let stopped = false;

  /** A live event, in seq order, to every cached board; a board that is behind leaves it to its fill. */
  const apply = (event: DeliveredEvent) => {
    // A board's archived cards are a list apart, read only while someone looks at it: read it again.
    const archivedBoard = archivedBoardOf(event);
    if (archivedBoard) void queryClient.invalidateQueries({ queryKey: boardKeys.archived(userId, archivedBoard) });
    // `undefined` leaves an unchanged board alone.
    queryClient.setQueriesData<BoardSnapshotDto>(details, (board) => {
      if (!board) return board;
      const next = applyBoardEvent(board, event);
      return next === board ? undefined : next;
    });
  };

  /**
   * Brings one cached board up to `last` from the log. Live events that arrive meanwhile skip it (it is
   * behind), so the loop goes on until the board has caught up with them too.
   */
  const fill = async (boardId: string) => {
    if (filling.has(boardId)) return;
    filling.add(boardId);
    const key = boardKeys.detail(userId, boardId);
    try {
      for (;;) {
        const board = queryClient.getQueryData<BoardSnapshotDto>(key);
        const upTo = last();
        if (stopped || upTo === null || !board || board.workspaceId !== workspaceId || board.seq >= upTo) return;
        const page = await fetchEvents(board.seq);
        // Empty only if the log lacks events it acknowledged: stop rather than ask again and again.
        if (stopped || page.items.length === 0) return;
        // Against the board as it is now: a read may have replaced it meanwhile, and the seq guard sorts that out.
        queryClient.setQueryData<BoardSnapshotDto>(key, (current) => current && page.items.reduce((next, event) => applyBoardEvent(next, event), current));
      }
    } catch {
      // fillAll, at the next head (every few seconds), tries again; until then the board takes no events.
    } finally {
      filling.delete(boardId);
    }
  };

  /** Every cached board that is behind: after the first subscription, and to retry a failed fill. */
  const fillAll = () => {
    for (const [, board] of queryClient.getQueriesData<BoardSnapshotDto>(details)) if (board) void fill(board.id);
  };

  // Every board written into the cache, by a read or by an event: fill returns at once unless it is behind.
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || !matchQuery(details, event.query)) return;
    const board = event.query.state.data as BoardSnapshotDto | undefined;
    if (board) void fill(board.id);
  });

  const stop = () => {
    stopped = true;
    unsubscribe();
  };

  return { apply, fillAll, stop };
}
