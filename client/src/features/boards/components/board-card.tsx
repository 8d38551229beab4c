import { useSortable } from '@dnd-kit/sortable';
import { memo, useId, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDto } from '@enlace/shared';
import { NAVIGATION_KEYS, type CardNavigationKey } from '../board-navigation';
import { formatDueDate, formatList } from '../../../i18n/format';
import type { BoardLookups, LabelLook, PersonLook } from '../hooks/use-board-lookups';
import { LabelChip } from './label-chip';

/** Avatars shown on a card; more assignees are summed up as "+N". */
const SHOWN_ASSIGNEES = 3;


/** What every card of a board shares: the board's lookups and handlers, one object for all cards. */
export interface CardContext {
  canEdit: boolean;
  onOpen: (cardId: string) => void;
  /** Arrow keys, Home and End on a card that is not being moved. */
  onNavigate: (cardId: string, key: CardNavigationKey) => void;
  /** A card got focus: it becomes its column's tab stop. */
  onFocus: (cardId: string) => void;
  /** Labels and members of the board, resolved once for all its cards. */
  lookups: BoardLookups;
}

interface BoardCardProps {
  card: CardDto;
  context: CardContext;
  /** The column's one tab stop (a roving tab index): the other cards are reached with the arrow keys. */
  tabbable: boolean;
  /** Just added here: shown highlighted for a moment. */
  highlighted?: boolean;
  /** In a virtualised column: measures the item, which sits absolutely at `offset`. */
  itemRef?: (element: HTMLElement | null) => void;
  index?: number;
  offset?: number;
  setSize?: number;
}

/**
 * One card. Its button holds only the title, so its accessible name is exactly the text it shows; the
 * button covers the whole card (see board.css), so a click anywhere opens it and a drag anywhere moves
 * it. Enter or a click opens it, Space picks it up, the arrow keys go to the next card.
 *
 * Memoised: an event changes one card object and keeps the others (see board-cache.ts), so only
 * that card renders again. Labels and assignees come from the board's maps, never from a search.
 */
export const BoardCard = memo(function BoardCard({ card, context, tabbable, highlighted, itemRef, index, offset, setSize }: BoardCardProps) {
  const { t } = useTranslation();
  const metaId = useId();
  const { canEdit, onOpen, onNavigate, onFocus } = context;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !canEdit });

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!isDragging && event.key === 'Enter') {
      event.preventDefault();
      onOpen(card.id);
      return;
    }
    if (!isDragging && NAVIGATION_KEYS.has(event.key)) {
      event.preventDefault();
      onNavigate(card.id, event.key as CardNavigationKey);
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
        className={`board-card priority-${card.priority}${isDragging ? ' is-dragging' : ''}${highlighted ? ' is-new' : ''}`}
        style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
      >
        <CardFace card={card} lookups={context.lookups} metaId={metaId}>
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            {...listeners}
            tabIndex={tabbable ? 0 : -1}
            data-card-id={card.id}
            aria-describedby={[metaId, attributes['aria-describedby']].filter(Boolean).join(' ')}
            aria-disabled={undefined}
            aria-pressed={undefined}
            aria-roledescription={canEdit ? t('board.cardRole') : undefined}
            className="board-card-title board-card-open"
            onKeyDown={onKeyDown}
            onFocus={() => onFocus(card.id)}
            onClick={() => onOpen(card.id)}
          >
            {card.title}
          </button>
        </CardFace>
      </div>
    </li>
  );
});

/** A picture of the card that follows the pointer while it is dragged (see BoardView's DragOverlay). */
export function DraggedCard({ card, lookups }: { card: CardDto; lookups: BoardLookups }) {
  return (
    <div className={`board-card board-card-overlay priority-${card.priority}`} aria-hidden="true">
      <CardFace card={card} lookups={lookups}>
        <span className="board-card-title">{card.title}</span>
      </CardFace>
    </div>
  );
}

/** Labels, the title (`children`) and the card's details: chips and avatars with their sentences beside them. */
function CardFace({ card, lookups, metaId, children }: { card: CardDto; lookups: BoardLookups; metaId?: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const due = card.dueDate ? formatDueDate(card.dueDate, language) : null;
  // A label deleted or a member who left since: nothing to show for them.
  const labels = card.labelIds.map((id) => lookups.labels.get(id)).filter((label): label is LabelLook => label !== undefined);
  const assignees = card.assigneeIds.map((id) => lookups.people.get(id)).filter((person): person is PersonLook => person !== undefined);
  return (
    <>
      {labels.length > 0 && (
        <span className="label-chips">
          {labels.map((label) => (
            <LabelChip key={label.id} label={label} hidden />
          ))}
        </span>
      )}
      {children}
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
    </>
  );
}
