import type { BoardDto, CardDto, ColumnDto, LabelDto, WorkspaceEvent } from '@enlace/shared';

const byPosition = (a: { position: string }, b: { position: string }) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/**
 * Puts the server's state of a card into the board. Never goes back in time: a card older than the
 * one held (an event that arrives after the write's own answer) changes nothing.
 */
export function applyCard(board: BoardDto, card: CardDto): BoardDto {
  if (card.boardId !== board.id) return board;
  const existing = board.cards.find((item) => item.id === card.id);
  if (existing && existing.version > card.version) return board;
  const others = board.cards.filter((item) => item.id !== card.id);
  return { ...board, cards: card.archived ? others : [...others, card].sort(byPosition) };
}

export function removeCard(board: BoardDto, cardId: string): BoardDto {
  return board.cards.some((card) => card.id === cardId) ? { ...board, cards: board.cards.filter((card) => card.id !== cardId) } : board;
}

export function applyColumn(board: BoardDto, column: ColumnDto): BoardDto {
  if (column.boardId !== board.id) return board;
  const existing = board.columns.find((item) => item.id === column.id);
  if (existing && existing.version > column.version) return board;
  return { ...board, columns: [...board.columns.filter((item) => item.id !== column.id), column].sort(byPosition) };
}

/** Adds a label, or replaces it where it stands so the board's label order does not jump. */
export function applyLabel(board: BoardDto, label: LabelDto): BoardDto {
  if (label.boardId !== board.id) return board;
  const known = board.labels.some((item) => item.id === label.id);
  return { ...board, labels: known ? board.labels.map((item) => (item.id === label.id ? label : item)) : [...board.labels, label] };
}

/**
 * Applies one event of the workspace's log to a cached board: the one place that knows which event
 * types change a board. An event about another board, or of a type that does not concern boards,
 * returns `board` itself (the same object, so nothing re-renders). Payloads are the new state of the
 * entity (see SPEC, "Real time"); a new event type is one more `case`.
 */
export function applyBoardEvent(board: BoardDto, event: WorkspaceEvent): BoardDto {
  switch (event.type) {
    case 'card.created':
    case 'card.updated':
    case 'card.moved':
    case 'card.archived': // the payload is the archived card: applyCard drops it from the board
    case 'card.restored':
      return applyCard(board, event.payload as CardDto);
    case 'card.deleted':
      return removeCard(board, event.entityId);
    case 'column.created':
    case 'column.updated':
      return applyColumn(board, event.payload as ColumnDto);
    case 'label.created':
      return applyLabel(board, event.payload as LabelDto);
    default:
      return board;
  }
}

/** The local guess of a move, shown until the server answers: array order is display order. */
export function moveCardLocally(board: BoardDto, cardId: string, columnId: string, afterCardId: string | null): BoardDto {
  const card = board.cards.find((item) => item.id === cardId);
  if (!card) return board;
  const others = board.cards.filter((item) => item.id !== cardId);
  const moved = { ...card, columnId };
  let index: number;
  if (afterCardId) index = others.findIndex((item) => item.id === afterCardId) + 1;
  else {
    const first = others.findIndex((item) => item.columnId === columnId);
    index = first === -1 ? others.length : first;
  }
  return { ...board, cards: [...others.slice(0, index), moved, ...others.slice(index)] };
}

/** `details.current` of a 409 VERSION_CONFLICT on a card. */
export function conflictCard(details: unknown): CardDto | null {
  const current = (details as { current?: unknown } | null | undefined)?.current;
  return current && typeof current === 'object' && 'id' in current && 'boardId' in current ? (current as CardDto) : null;
}
