import { subject } from '@casl/ability';
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { isVersionConflict, useMoveCard } from '../hooks/use-board';
import { useBoardLookups } from '../hooks/use-board-lookups';
import { wipLimitOf } from '../wip-limit';
import { AddColumnForm } from './add-column-form';
import { BoardColumn, COLUMN_PREFIX } from './board-column';
import { CardDialog } from './card-dialog';
import { ColumnDialog } from './column-dialog';
import type { ColumnStructureActions } from './column-header';

export function BoardView({ workspace, board }: { workspace: WorkspaceDto; board: BoardDto }) {
  const { t } = useTranslation();
  const hintId = useId();
  const ability = useWorkspaceAbility(workspace);
  const canEdit = ability.can('update', subject('Card', { workspaceId: workspace.id }));
  const canCreate = ability.can('create', subject('Card', { workspaceId: workspace.id }));
  const canEditStructure = ability.can('update', subject('Board', { workspaceId: workspace.id }));
  const lookups = useBoardLookups(workspace.id, board.labels);
  const move = useMoveCard(board.id);
  const [openCardId, setOpenCardId] = useState<string | null>(null);
  const [openColumnId, setOpenColumnId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const structure: ColumnStructureActions | undefined = canEditStructure
    ? { columns: board.columns, onOpenSettings: setOpenColumnId, onAnnounce: setAnnouncement }
    : undefined;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // Enter opens the card; Space picks it up.
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
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

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const card = board.cards.find((item) => item.id === active.id);
    if (!card) return;
    const overKey = String(over.id);
    const overCard = board.cards.find((item) => item.id === overKey);
    const columnId = overCard ? overCard.columnId : overKey.startsWith(COLUMN_PREFIX) ? overKey.slice(COLUMN_PREFIX.length) : null;
    if (!columnId || overCard?.id === card.id) return;

    const original = board.cards.filter((item) => item.columnId === columnId);
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
      {canEdit && (
        <p id={hintId} className="small muted">
          {t('board.dragHint')}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dragHint') } }}
      >
        <div className="board-columns">
          {board.columns.map((column) => (
            <BoardColumn
              key={column.id}
              boardId={board.id}
              column={column}
              cards={board.cards.filter((card) => card.columnId === column.id)}
              canEdit={canEdit}
              canCreate={canCreate}
              onOpenCard={setOpenCardId}
              lookups={lookups}
              structure={structure}
            />
          ))}
          {canEditStructure && <AddColumnForm boardId={board.id} />}
        </div>
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
