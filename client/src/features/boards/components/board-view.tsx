import { subject } from '@casl/ability';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, CardDto, WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { cardsByColumn, navigateFrom, tabStopOf, type CardNavigationKey } from '../board-navigation';
import { isVersionConflict, useMoveCard } from '../hooks/use-board';
import { useBoardLookups } from '../hooks/use-board-lookups';
import { wipLimitOf } from '../wip-limit';
import { AddColumnForm } from './add-column-form';
import { DraggedCard, type CardContext } from './board-card';
import { BoardColumn, COLUMN_PREFIX, type ScrollToCard } from './board-column';
import { CardDialog } from './card-dialog';
import { ColumnDialog } from './column-dialog';
import type { ColumnStructureActions } from './column-header';

/** How long a card just added stays highlighted. */
const HIGHLIGHT_MS = 2500;
/** Frames to wait for a card to mount (a virtualised column scrolling to it) before giving up. */
const REVEAL_FRAMES = 30;

export function BoardView({ workspace, board }: { workspace: WorkspaceDto; board: BoardDto }) {
  const { t } = useTranslation();
  const ability = useWorkspaceAbility(workspace);
  const canEdit = ability.can('update', subject('Card', { workspaceId: workspace.id }));
  const canCreate = ability.can('create', subject('Card', { workspaceId: workspace.id }));
  const canEditStructure = ability.can('update', subject('Board', { workspaceId: workspace.id }));
  const lookups = useBoardLookups(workspace.id, board.labels);
  const move = useMoveCard(board.id);
  const [openCardId, setOpenCardId] = useState<string | null>(null);
  const [openColumnId, setOpenColumnId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [activeCardId, setActiveCardId] = useState<string | null>(null);
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const byColumn = useMemo(() => cardsByColumn(board.columns, board.cards), [board.columns, board.cards]);
  const structure: ColumnStructureActions | undefined = canEditStructure
    ? { columns: board.columns, onOpenSettings: setOpenColumnId, onAnnounce: setAnnouncement }
    : undefined;
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // On a touch screen a swipe that starts on a card scrolls: only a long press picks the card up.
    useSensor(TouchSensor, { activationConstraint: { delay: 300, tolerance: 8 } }),
    // Enter opens the card; Space picks it up.
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );

  // The handlers the cards share read the board as it is when they run, so they keep their identity
  // (and the memoised cards do not render again) while the board changes.
  const latest = useRef({ board, byColumn });
  latest.current = { board, byColumn };
  const scrollers = useRef(new Map<string, ScrollToCard>());
  const registerScroller = useCallback((columnId: string, scroll: ScrollToCard | null) => {
    if (scroll) scrollers.current.set(columnId, scroll);
    else scrollers.current.delete(columnId);
  }, []);

  /**
   * Brings a card into view (scrolling its column to it if it is virtualised), and focuses it if asked.
   * It keeps watching for a few frames: a card that moves is rendered anew in its new place, and focus
   * follows it there rather than dropping to the page.
   */
  const revealing = useRef(0);
  const reveal = useCallback((cardId: string, focus: boolean) => {
    // Only the latest: an earlier one still watching would scroll its card back into view.
    const token = ++revealing.current;
    let frames = 0;
    let shown: HTMLElement | null = null;
    const attempt = () => {
      if (token !== revealing.current) return;
      frames += 1;
      const element = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`);
      if (element && element !== shown) {
        shown = element;
        if (focus) element.focus();
        element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      } else if (!element) {
        const { board: current, byColumn: columns } = latest.current;
        const columnId = current.cards.find((card) => card.id === cardId)?.columnId;
        const index = columnId ? (columns.get(columnId) ?? []).findIndex((card) => card.id === cardId) : -1;
        if (columnId && index >= 0) scrollers.current.get(columnId)?.(index);
      }
      if (frames < REVEAL_FRAMES) requestAnimationFrame(attempt);
    };
    attempt();
  }, []);

  const onNavigate = useCallback(
    (cardId: string, key: CardNavigationKey) => {
      const target = navigateFrom(latest.current.board.columns, latest.current.byColumn, cardId, key);
      if (target) {
        setActiveCardId(target);
        reveal(target, true);
      }
    },
    [reveal],
  );

  const context = useMemo<CardContext>(() => ({ canEdit, onOpen: setOpenCardId, onNavigate, onFocus: setActiveCardId, lookups }), [canEdit, onNavigate, lookups]);

  const skipTo = (columnIndex: number) => {
    const column = board.columns[columnIndex];
    const stop = tabStopOf(byColumn.get(column.id) ?? [], activeCardId);
    if (stop) reveal(stop, true);
    else document.querySelector<HTMLElement>(`[data-column-id="${CSS.escape(column.id)}"]`)?.focus();
  };

  const highlightTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(highlightTimer.current), []);
  const onCardAdded = useCallback(
    (card: CardDto) => {
      setHighlightedId(card.id);
      clearTimeout(highlightTimer.current);
      highlightTimer.current = setTimeout(() => setHighlightedId(null), HIGHLIGHT_MS);
      reveal(card.id, false);
    },
    [reveal],
  );

  const cardTitle = (id: UniqueIdentifier) => board.cards.find((card) => card.id === id)?.title ?? '';
  const columnTitle = (id: UniqueIdentifier | undefined) => {
    if (id === undefined) return '';
    const key = String(id);
    const columnId = key.startsWith(COLUMN_PREFIX) ? key.slice(COLUMN_PREFIX.length) : board.cards.find((card) => card.id === key)?.columnId;
    return board.columns.find((column) => column.id === columnId)?.title ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.dragStart', { title: cardTitle(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('board.dragOver', { title: cardTitle(active.id), column: columnTitle(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('board.dragEnd', { title: cardTitle(active.id), column: columnTitle(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('board.dragCancel', { title: cardTitle(active.id) }),
  };

  // A card moved with the keyboard lands in another list (another column, or a new place in a
  // virtualised one), where it is a new element: focus follows it there rather than dropping to the page.
  const keyboardDrag = useRef(false);
  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    keyboardDrag.current = activatorEvent instanceof KeyboardEvent;
    setDraggedId(String(active.id));
  };
  const endDrag = (cardId: UniqueIdentifier) => {
    setDraggedId(null);
    if (keyboardDrag.current) reveal(String(cardId), true);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    endDrag(active.id);
    if (!over) return;
    const card = board.cards.find((item) => item.id === active.id);
    if (!card) return;
    const overKey = String(over.id);
    const overCard = board.cards.find((item) => item.id === overKey);
    const columnId = overCard ? overCard.columnId : overKey.startsWith(COLUMN_PREFIX) ? overKey.slice(COLUMN_PREFIX.length) : null;
    if (!columnId || overCard?.id === card.id) return;

    const original = byColumn.get(columnId) ?? [];
    const others = original.filter((item) => item.id !== card.id);
    let index = others.length;
    if (overCard) {
      index = others.findIndex((item) => item.id === overCard.id);
      // Moving down within a column lands after the card it was dropped on.
      if (card.columnId === columnId && original.indexOf(card) < original.indexOf(overCard)) index += 1;
    }
    const afterCardId = index === 0 ? null : others[index - 1].id;
    const currentIndex = original.indexOf(card);
    const currentAfter = card.columnId === columnId ? (currentIndex <= 0 ? null : original[currentIndex - 1].id) : undefined;
    if (card.columnId === columnId && currentAfter === afterCardId) return;
    move.mutate({ card, columnId, afterCardId });
  };

  const openCard = openCardId ? board.cards.find((card) => card.id === openCardId) : undefined;
  // A card archived or deleted (here or by someone else) takes its dialog with it, for good: restored
  // later, it must not open again by itself.
  if (openCardId && !openCard) setOpenCardId(null);
  // Gone once the column is deleted, here or by someone else: the dialog closes with it.
  const openColumn = openColumnId ? board.columns.find((column) => column.id === openColumnId) : undefined;
  const draggedCard = draggedId ? board.cards.find((card) => card.id === draggedId) : undefined;
  const fullColumn = wipLimitOf(move.error);

  return (
    <>
      {move.isError &&
        (isVersionConflict(move.error) ? (
          <p role="alert" className="alert alert-error">
            {t('board.conflict')}
          </p>
        ) : fullColumn ? (
          // The card is already back where it was (useMoveCard undoes the local move): say why.
          <p role="alert" className="alert alert-error">
            {t('board.wipRefusedMove', { count: fullColumn.wipLimit, column: board.columns.find((column) => column.id === fullColumn.columnId)?.title ?? '', title: move.variables?.card.title ?? '' })}
          </p>
        ) : (
          <ErrorAlert error={move.error} />
        ))}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={({ active }) => endDrag(active.id)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dragHint') } }}
      >
        <div className="board-columns">
          {board.columns.map((column, index) => (
            <BoardColumn
              key={column.id}
              boardId={board.id}
              column={column}
              cards={byColumn.get(column.id) ?? []}
              canCreate={canCreate}
              context={context}
              activeCardId={activeCardId}
              highlightedId={highlightedId}
              onCardAdded={onCardAdded}
              onSkip={index < board.columns.length - 1 ? () => skipTo(index + 1) : undefined}
              registerScroller={registerScroller}
              structure={structure}
            />
          ))}
          {canEditStructure && <AddColumnForm boardId={board.id} />}
        </div>
        <DragOverlay>{draggedCard ? <DraggedCard card={draggedCard} lookups={lookups} /> : null}</DragOverlay>
      </DndContext>
      {openCard && (
        <CardDialog
          workspace={workspace}
          board={board}
          card={openCard}
          lookups={lookups}
          canEdit={canEdit}
          canCreateLabels={canEditStructure}
          onClose={() => setOpenCardId(null)}
        />
      )}
      {openColumn && <ColumnDialog column={openColumn} onClose={() => setOpenColumnId(null)} />}
    </>
  );
}
