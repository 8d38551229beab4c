import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef } from 'react';
import type { CardDto, ColumnDto } from '@enlace/shared';
import { AddCardForm } from './add-card-form';
import type { BoardLookups } from '../hooks/use-board-lookups';
import { BoardCard } from './board-card';
import { ColumnHeader, type ColumnStructureActions } from './column-header';

export const COLUMN_PREFIX = 'column:';

/** Beyond this many cards a column renders only what is in view. */
const VIRTUALISE_FROM = 60;

interface BoardColumnProps {
  boardId: string;
  column: ColumnDto;
  cards: CardDto[];
  canEdit: boolean;
  canCreate: boolean;
  onOpenCard: (cardId: string) => void;
  lookups: BoardLookups;
  /** Only for those who may change the board's structure (CASL `update` `Board`). */
  structure?: ColumnStructureActions;
}

export function BoardColumn({ boardId, column, cards, canEdit, canCreate, onOpenCard, lookups, structure }: BoardColumnProps) {
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${column.id}`, disabled: !canEdit });

  return (
    <section role="region" aria-label={column.title} className={`board-column${isOver ? ' is-over' : ''}`}>
      <ColumnHeader column={column} headingId={headingId} count={cards.length} structure={structure} />
      <SortableContext id={column.id} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        {cards.length >= VIRTUALISE_FROM ? (
          <VirtualCardList cards={cards} canEdit={canEdit} onOpenCard={onOpenCard} lookups={lookups} headingId={headingId} setDropRef={setNodeRef} />
        ) : (
          <ul ref={setNodeRef} className="board-cards" aria-labelledby={headingId}>
            {cards.map((card) => (
              <BoardCard key={card.id} card={card} canEdit={canEdit} onOpen={onOpenCard} lookups={lookups} />
            ))}
          </ul>
        )}
      </SortableContext>
      {canCreate && <AddCardForm boardId={boardId} column={column} />}
    </section>
  );
}

interface VirtualCardListProps {
  cards: CardDto[];
  canEdit: boolean;
  onOpenCard: (cardId: string) => void;
  lookups: BoardLookups;
  headingId: string;
  setDropRef: (element: HTMLElement | null) => void;
}

/** A long column: a scrolling list that mounts only the cards in view (plus a few either side). */
function VirtualCardList({ cards, canEdit, onOpenCard, lookups, headingId, setDropRef }: VirtualCardListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (index) => cards[index].id,
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="board-cards-scroll">
      <ul
        ref={setDropRef}
        className="board-cards board-cards-virtual"
        aria-labelledby={headingId}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => (
          <BoardCard
            key={item.key}
            card={cards[item.index]}
            canEdit={canEdit}
            onOpen={onOpenCard}
            lookups={lookups}
            itemRef={virtualizer.measureElement}
            index={item.index}
            offset={item.start}
            setSize={cards.length}
          />
        ))}
      </ul>
    </div>
  );
}
