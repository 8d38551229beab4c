import { useQueryClient } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { useRealtimeListener, useWorkspaceEvents } from '../../realtime/workspace-realtime';
import { boardKeys } from '../api/board-keys';
import { applyBoardListEvent, type BoardList } from '../board-cache';
import { createBoardSync } from '../board-sync';
import { appendComment } from './use-board';

/**
 * Keeps the workspace's boards in the query cache live: cached board snapshots follow the stream's seq
 * through createBoardSync (which also fills in what a board read missed), and the board list and the
 * cards' comments take the events that change them.
 */
export function useBoardsRealtime(): void {
  const queryClient = useQueryClient();
  const userId = useUserId();
  useRealtimeListener(
    ({ workspaceId, last, fetchEvents }) => {
      const boards = createBoardSync({ queryClient, userId, workspaceId, last, fetchEvents });
      return { event: boards.apply, synced: boards.fillAll, stop: boards.stop };
    },
    [queryClient, userId],
  );
  const updateList = (workspaceId: string, event: Parameters<typeof applyBoardListEvent>[1]) =>
    queryClient.setQueryData<BoardList>(boardKeys.list(userId, workspaceId), (list) => (list ? applyBoardListEvent(list, event) : list));
  useWorkspaceEvents({
    'board.created': (event) => updateList(event.workspaceId, event),
    'board.updated': (event) => updateList(event.workspaceId, event),
    'comment.added': (event) => appendComment(queryClient, userId, event.payload),
  });
}
