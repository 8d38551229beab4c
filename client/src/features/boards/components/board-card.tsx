import { useSortable } from '@dnd-kit/sortable';
import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDto } from '@enlace/shared';

/** One card: a button named by its title; Enter or a click opens it, Space or a drag moves it. */
interface BoardCardProps {
  card: CardDto;
  canEdit: boolean;
  onOpen: (cardId: string) => void;
  /** In a virtualised column: measures the item, which sits absolutely at `offset`. */
  itemRef?: (element: HTMLElement | null) => void;
  index?: number;
  offset?: number;
  setSize?: number;
}

export function BoardCard({ card, canEdit, onOpen, itemRef, index, offset, setSize }: BoardCardProps) {
  const { t, i18n } = useTranslation();
  const metaId = useId();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !canEdit });
  const due = card.dueDate ? new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${card.dueDate}T00:00:00Z`)) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !isDragging) {
      event.preventDefault();
      onOpen(card.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  };

  return (
    <li
      ref={itemRef}
      className="board-card-item"
      data-index={index}
      aria-posinset={index === undefined ? undefined : index + 1}
      aria-setsize={setSize}
      style={offset === undefined ? undefined : { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${offset}px)` }}
    >
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-label={card.title}
        aria-describedby={[metaId, attributes['aria-describedby']].filter(Boolean).join(' ')}
        aria-disabled={undefined}
        aria-roledescription={canEdit ? t('board.cardRole') : undefined}
        className={`board-card priority-${card.priority}${isDragging ? ' is-dragging' : ''}`}
        style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
        onKeyDown={onKeyDown}
        onClick={() => onOpen(card.id)}
      >
        <span className="board-card-title">{card.title}</span>
        <span id={metaId} className="board-card-meta small">
          <span className={`priority-tag priority-tag-${card.priority}`}>{t(`board.priorities.${card.priority}`)}</span>
          {due && <span>{t('board.due', { date: due })}</span>}
        </span>
      </div>
    </li>
  );
}
