import { useSortable } from '@dnd-kit/sortable';
import { memo, useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDto } from '@enlace/shared';
import { formatDueDate, formatList } from '../format';
import type { BoardLookups, LabelLook, PersonLook } from '../hooks/use-board-lookups';
import { LabelChip } from './label-chip';

/** Avatars shown on a card; more assignees are summed up as "+N". */
const SHOWN_ASSIGNEES = 3;

/** One card: a button named by its title; Enter or a click opens it, Space or a drag moves it. */
interface BoardCardProps {
  card: CardDto;
  canEdit: boolean;
  onOpen: (cardId: string) => void;
  /** Labels and members of the board, resolved once for all its cards. */
  lookups: BoardLookups;
  /** In a virtualised column: measures the item, which sits absolutely at `offset`. */
  itemRef?: (element: HTMLElement | null) => void;
  index?: number;
  offset?: number;
  setSize?: number;
}

/**
 * Memoised: an event changes one card object and keeps the others (see board-cache.ts), so only
 * that card renders again. Labels and assignees come from the board's maps, never from a search.
 */
export const BoardCard = memo(function BoardCard({ card, canEdit, onOpen, lookups, itemRef, index, offset, setSize }: BoardCardProps) {
  const { t, i18n } = useTranslation();
  const metaId = useId();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !canEdit });
  const language = i18n.resolvedLanguage;
  const due = card.dueDate ? formatDueDate(card.dueDate, language) : null;
  // A label deleted or a member who left since: nothing to show for them.
  const labels = card.labelIds.map((id) => lookups.labels.get(id)).filter((label): label is LabelLook => label !== undefined);
  const assignees = card.assigneeIds.map((id) => lookups.people.get(id)).filter((person): person is PersonLook => person !== undefined);

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
        {labels.length > 0 && (
          <span className="label-chips">
            {labels.map((label) => (
              <LabelChip key={label.id} label={label} hidden />
            ))}
          </span>
        )}
        <span className="board-card-title">{card.title}</span>
        {/* The description read with the card: sentences, where the chips and avatars above are pictures of them. */}
        <span id={metaId} className="board-card-meta small">
          {labels.length > 0 && <span className="visually-hidden">{t('board.cardLabels', { names: formatList(labels.map((label) => label.name), language) })}</span>}
          <span className={`priority-tag priority-tag-${card.priority}`}>{t(`board.priorities.${card.priority}`)}</span>
          {due && <span>{t('board.due', { date: due })}</span>}
          {assignees.length > 0 && (
            <>
              <span className="visually-hidden">{t('board.assignedTo', { names: formatList(assignees.map((person) => person.displayName), language) })}</span>
              <span className="avatar-stack" aria-hidden="true">
                {assignees.slice(0, SHOWN_ASSIGNEES).map((person, position) => (
                  <span key={position} className="avatar avatar-small" title={person.displayName}>
                    {person.initials}
                  </span>
                ))}
                {assignees.length > SHOWN_ASSIGNEES && <span className="avatar avatar-small avatar-more">+{assignees.length - SHOWN_ASSIGNEES}</span>}
              </span>
            </>
          )}
        </span>
      </div>
    </li>
  );
});
