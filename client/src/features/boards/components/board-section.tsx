import { subject } from '@casl/ability';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { initials } from '../../../ui/initials';
import { PageStatus } from '../../../ui/page-status';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useBoard, useBoards } from '../hooks/use-board';
import { useRealtimeStatus } from '../../realtime/workspace-realtime';
import { ArchivedCardsDialog } from './archived-cards-dialog';
import { BoardSettingsDialog } from './board-settings-dialog';
import { BoardMenu, type BoardMenuItem } from './board-menu';
import { BoardSwitcher, searchWithBoard } from './board-switcher';
import { BoardView } from './board-view';
import { NewBoardDialog } from './new-board-dialog';
import { ShortcutSheet } from './shortcut-sheet';
import '../board.css';

type OpenDialog = 'settings' | 'new-board' | 'archived' | 'shortcuts' | null;

/** Typing in a field, or a dialog already open: "?" is then just a character. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]') !== null);

export function BoardSection({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  const presenceId = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ability = useWorkspaceAbility(workspace);
  const canEditStructure = ability.can('update', subject('Board', { workspaceId: workspace.id }));
  const canEditCards = ability.can('update', subject('Card', { workspaceId: workspace.id }));
  const boards = useBoards(workspace.id);
  const items = boards.data?.items ?? [];
  // Without a board in the address, the first one listed, kept while the list changes: the list is in
  // title order, and someone else adding or renaming a board must not swap the board being worked on.
  const [landedId, setLandedId] = useState<string>();
  if (landedId === undefined && items.length > 0) setLandedId(items[0].id);
  const requested = params.get('board');
  const boardId = (items.find((item) => item.id === requested) ?? items.find((item) => item.id === landedId) ?? items[0])?.id;
  const board = useBoard(boardId);
  const live = useRealtimeStatus();
  const [dialog, setDialog] = useState<OpenDialog>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      setDialog('shortcuts');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const actions: BoardMenuItem[] = [
    ...(canEditStructure ? [{ id: 'new-board', label: t('board.boards.new'), onSelect: () => setDialog('new-board') }] : []),
    ...(canEditStructure && board.data ? [{ id: 'settings', label: t('board.settings.open'), onSelect: () => setDialog('settings') }] : []),
    ...(board.data ? [{ id: 'archived', label: t('board.archived.open'), onSelect: () => setDialog('archived') }] : []),
    { id: 'shortcuts', label: t('boardUi.shortcuts.open'), onSelect: () => setDialog('shortcuts') },
  ];

  return (
    <section aria-labelledby={headingId} className="board-section">
      <div className="board-toolbar">
        <h2 id={headingId}>{board.data?.title ?? t('board.heading')}</h2>
        {boardId && items.length > 1 && <BoardSwitcher boards={items} currentId={boardId} />}
        <BoardMenu items={actions} />
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
        // Keyed by board: a dialog, an error or an announcement of one board never shows on the next.
        <BoardView key={board.data.id} workspace={workspace} board={board.data} />
      )}
      {dialog === 'settings' && board.data && <BoardSettingsDialog board={board.data} onClose={() => setDialog(null)} />}
      {dialog === 'archived' && board.data && <ArchivedCardsDialog board={board.data} canRestore={canEditCards} onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutSheet onClose={() => setDialog(null)} />}
      {dialog === 'new-board' && (
        <NewBoardDialog
          workspaceId={workspace.id}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            void navigate({ search: searchWithBoard(params, created.id) });
          }}
        />
      )}
    </section>
  );
}
