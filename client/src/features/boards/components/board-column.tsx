import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDto, ColumnDto } from '@enlace/shared';
import { AddCardForm } from './add-card-form';
import { BoardCard } from './board-card';

export const COLUMN_PREFIX = 'column:';

interface BoardColumnProps {
  boardId: string;
  column: ColumnDto;
  cards: CardDto[];
  canEdit: boolean;
  canCreate: boolean;
  onOpenCard: (cardId: string) => void;
}

export function BoardColumn({ boardId, column, cards, canEdit, canCreate, onOpenCard }: BoardColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${column.id}`, disabled: !canEdit });

  return (
    <section role="region" aria-label={column.title} className={`board-column${isOver ? ' is-over' : ''}`}>
      <header className="board-column-header">
        <h3 id={headingId}>{column.title}</h3>
        <span className="small muted">{t('board.cardCount', { count: cards.length })}</span>
      </header>
      <SortableContext id={column.id} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="board-cards" aria-labelledby={headingId}>
          {cards.map((card) => (
            <BoardCard key={card.id} card={card} canEdit={canEdit} onOpen={onOpenCard} />
          ))}
        </ul>
      </SortableContext>
      {canCreate && <AddCardForm boardId={boardId} column={column} />}
    </section>
  );
}
