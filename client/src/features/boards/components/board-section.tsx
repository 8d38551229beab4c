import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { initials } from '../../../ui/initials';
import { PageStatus } from '../../../ui/page-status';
import { useBoard, useBoards } from '../hooks/use-board';
import { useWorkspaceSocket } from '../hooks/use-workspace-socket';
import { BoardView } from './board-view';

export function BoardSection({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  const presenceId = useId();
  const boards = useBoards(workspace.id);
  const boardId = boards.data?.items[0]?.id;
  const board = useBoard(boardId);
  const live = useWorkspaceSocket(workspace.id, boardId);

  return (
    <section aria-labelledby={headingId} className="board-section">
      <div className="board-toolbar">
        <h2 id={headingId}>{board.data?.title ?? t('board.heading')}</h2>
        <div role="status" className="connection-status">
          {live.status === 'disconnected' && <span className="alert alert-info small">{t('board.reconnecting')}</span>}
        </div>
        {live.presence.length > 0 && (
          <div className="presence">
            <span id={presenceId} className="small muted">
              {t('board.presence')}
            </span>
            <ul className="presence-list" aria-labelledby={presenceId}>
              {live.presence.map((user) => (
                <li key={user.id} className="avatar" title={user.displayName}>
                  <span aria-hidden="true">{initials(user.displayName)}</span>
                  <span className="visually-hidden">{user.displayName}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {boards.isPending || (boardId && board.isPending) ? (
        <PageStatus message={t('app.loading')} />
      ) : boards.isError ? (
        <ErrorAlert error={boards.error} />
      ) : board.isError ? (
        <ErrorAlert error={board.error} />
      ) : !board.data ? (
        <p>{t('board.noBoard')}</p>
      ) : (
        <BoardView workspace={workspace} board={board.data} />
      )}
    </section>
  );
}
