import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDto, ColumnDto } from '@enlace/shared';
import { tabStopOf } from '../board-navigation';
import { AddCardForm } from './add-card-form';
import { BoardCard, type CardContext } from './board-card';
import { ColumnHeader, type ColumnStructureActions } from './column-header';

export const COLUMN_PREFIX = 'column:';

/** Beyond this many cards a column renders only what is in view. */
const VIRTUALISE_FROM = 60;

/** Scrolls a virtualised column to the card at `index`, so that it is mounted and can take focus. */
export type ScrollToCard = (index: number) => void;

interface BoardColumnProps {
  boardId: string;
  column: ColumnDto;
  cards: CardDto[];
  canCreate: boolean;
  context: CardContext;
  /** The card last focused on the board: its column's tab stop. */
  activeCardId: string | null;
  /** A card just added, shown highlighted for a moment. */
  highlightedId: string | null;
  onCardAdded: (card: CardDto) => void;
  /** Moves focus to the next column's tab stop; absent on the last column. */
  onSkip?: () => void;
  registerScroller: (columnId: string, scroll: ScrollToCard | null) => void;
  /** Only for those who may change the board's structure (CASL `update` `Board`). */
  structure?: ColumnStructureActions;
}

export function BoardColumn(props: BoardColumnProps) {
  const { boardId, column, cards, canCreate, context, activeCardId, highlightedId, onCardAdded, onSkip, structure } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${column.id}`, disabled: !context.canEdit });
  const tabStop = tabStopOf(cards, activeCardId);

  return (
    <section role="region" aria-label={column.title} data-column-id={column.id} tabIndex={-1} className={`board-column${isOver ? ' is-over' : ''}`}>
      <ColumnHeader column={column} headingId={headingId} count={cards.length} structure={structure} />
      {onSkip && cards.length > 0 && (
        <button type="button" className="visually-hidden skip-column" onClick={onSkip}>
          {t('boardUi.skipColumn')}
        </button>
      )}
      <SortableContext id={column.id} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        {cards.length >= VIRTUALISE_FROM ? (
          <VirtualCardList {...props} headingId={headingId} tabStop={tabStop} setDropRef={setNodeRef} />
        ) : (
          <ul ref={setNodeRef} className="board-cards" aria-labelledby={headingId}>
            {cards.map((card) => (
              <BoardCard key={card.id} card={card} context={context} tabbable={card.id === tabStop} highlighted={card.id === highlightedId} />
            ))}
          </ul>
        )}
      </SortableContext>
      {canCreate && <AddCardForm boardId={boardId} column={column} onAdded={onCardAdded} />}
    </section>
  );
}

interface VirtualCardListProps extends BoardColumnProps {
  headingId: string;
  tabStop: string | undefined;
  setDropRef: (element: HTMLElement | null) => void;
}

/** A long column: a scrolling list that mounts only the cards in view (plus a few either side). */
function VirtualCardList({ column, cards, context, highlightedId, registerScroller, headingId, tabStop, setDropRef }: VirtualCardListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (index) => cards[index].id,
  });
  useEffect(() => {
    registerScroller(column.id, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
    return () => registerScroller(column.id, null);
  }, [registerScroller, column.id, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // The column keeps a tab stop while its tab stop card is scrolled out (and so not mounted).
  const mountedStop = items.some((item) => cards[item.index].id === tabStop) ? tabStop : items.length > 0 ? cards[items[0].index].id : undefined;
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
            context={context}
            tabbable={cards[item.index].id === mountedStop}
            highlighted={cards[item.index].id === highlightedId}
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
