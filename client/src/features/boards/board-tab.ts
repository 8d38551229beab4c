import { registerWorkspaceTab } from '../workspaces/workspace-tabs';
import { BoardSection } from './components/board-section';
import { useBoardsRealtime } from './hooks/use-boards-realtime';

function BoardsLive() {
  useBoardsRealtime();
  return null;
}

registerWorkspaceTab({ id: 'board', kinds: 'all', Panel: BoardSection, Live: BoardsLive });
