import { isRedacted, type BoardDto, type BoardSnapshotDto, type BoardSummaryDto, type CardDto, type ColumnDto, type DeletedBoardItem, type DeliveredEvent, type LabelDto, type WorkspaceEvent } from '@enlace/shared';

// The board functions keep the type of the board they are given, so a cached snapshot keeps its `seq`;
// only applyBoardEvent moves it.

const byPosition = (a: { position: string }, b: { position: string }) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/**
 * Puts the server's state of a card into the board. Never goes back in time: a card older than the
 * one held (an event that arrives after the write's own answer) changes nothing.
 */
export function applyCard<B extends BoardDto>(board: B, card: CardDto): B {
  if (card.boardId !== board.id) return board;
  const existing = board.cards.find((item) => item.id === card.id);
  if (existing && existing.version > card.version) return board;
  const others = board.cards.filter((item) => item.id !== card.id);
  return { ...board, cards: card.archived ? others : [...others, card].sort(byPosition) };
}

export function removeCard<B extends BoardDto>(board: B, cardId: string): B {
  return board.cards.some((card) => card.id === cardId) ? { ...board, cards: board.cards.filter((card) => card.id !== cardId) } : board;
}

export function applyColumn<B extends BoardDto>(board: B, column: ColumnDto): B {
  if (column.boardId !== board.id) return board;
  const existing = board.columns.find((item) => item.id === column.id);
  if (existing && existing.version > column.version) return board;
  return { ...board, columns: [...board.columns.filter((item) => item.id !== column.id), column].sort(byPosition) };
}

export function removeColumn<B extends BoardDto>(board: B, { id, boardId }: DeletedBoardItem): B {
  if (boardId !== board.id || !board.columns.some((column) => column.id === id)) return board;
  return { ...board, columns: board.columns.filter((column) => column.id !== id) };
}

/** Adds a label, or replaces it where it stands so the board's label order does not jump. */
export function applyLabel<B extends BoardDto>(board: B, label: LabelDto): B {
  if (label.boardId !== board.id) return board;
  const existing = board.labels.find((item) => item.id === label.id);
  if (existing && existing.version > label.version) return board;
  return { ...board, labels: existing ? board.labels.map((item) => (item.id === label.id ? label : item)) : [...board.labels, label] };
}

/**
 * Drops a label from the board and from the cards that carry it. The server strips it from those
 * cards without new versions or card events (see DeletedBoardItem), so this is the only place the
 * cards lose it; the other cards keep their objects, and so do not render again.
 */
export function removeLabel<B extends BoardDto>(board: B, { id, boardId }: DeletedBoardItem): B {
  if (boardId !== board.id || !board.labels.some((label) => label.id === id)) return board;
  return {
    ...board,
    labels: board.labels.filter((label) => label.id !== id),
    cards: board.cards.map((card) => (card.labelIds.includes(id) ? { ...card, labelIds: card.labelIds.filter((labelId) => labelId !== id) } : card)),
  };
}

/** The board's own fields (its title): columns, labels and cards are untouched. */
export function applyBoardSummary<B extends BoardDto>(board: B, summary: BoardSummaryDto): B {
  if (summary.id !== board.id || summary.version <= board.version) return board;
  return { ...board, title: summary.title, version: summary.version };
}

/**
 * What one event of the workspace's log changes on a board: the one place that knows which event types
 * change a board. An event about another board, or of a type that does not concern boards, returns
 * `board` itself (the same object). Payloads are the new state of the entity (see SPEC, "Real time");
 * a new event type is one more `case`.
 */
export function applyBoardChange<B extends BoardDto>(board: B, event: WorkspaceEvent): B {
  switch (event.type) {
    case 'card.created':
    case 'card.updated':
    case 'card.moved':
    case 'card.archived': // the payload is the archived card: applyCard drops it from the board
    case 'card.restored':
      return applyCard(board, event.payload);
    case 'card.deleted':
      return removeCard(board, event.entityId);
    case 'column.created':
    case 'column.updated': // a reorder is a new position: applyColumn sorts again
      return applyColumn(board, event.payload);
    case 'column.deleted':
      return removeColumn(board, event.payload);
    case 'label.created':
    case 'label.updated':
      return applyLabel(board, event.payload);
    case 'label.deleted':
      return removeLabel(board, event.payload);
    case 'board.updated':
      return applyBoardSummary(board, event.payload);
    default: // board.created is a board no cache holds yet: see applyBoardListEvent
      return board;
  }
}

/**
 * Applies one event of the workspace's log to a cached board snapshot, strictly in `seq` order (the
 * log has no gaps). An event the snapshot already includes (`seq` at most the board's) changes nothing;
 * the next one is applied and its `seq` becomes the board's, whether or not it concerns this board, so
 * that `seq` always says how far the board is. A later one returns `board` itself: the board is behind,
 * and the events between must come first, from the log (see board-sync.ts), or they would be lost.
 */
export function applyBoardEvent(board: BoardSnapshotDto, event: DeliveredEvent): BoardSnapshotDto {
  if (event.workspaceId !== board.workspaceId || event.seq !== board.seq + 1) return board;
  // An event this member may not read changes nothing on a board, but the board is now past it.
  return { ...(isRedacted(event) ? board : applyBoardChange(board, event)), seq: event.seq };
}

export interface BoardList {
  items: BoardSummaryDto[];
}

/** Only what the list shows: a created board's payload also carries its columns. */
const summaryOf = ({ id, workspaceId, title, version }: BoardSummaryDto): BoardSummaryDto => ({ id, workspaceId, title, version });

/** In the server's order (by title), so the list reads the same before and after a reload. */
const byTitle = (a: BoardSummaryDto, b: BoardSummaryDto) => a.title.localeCompare(b.title);

/** Adds a board to the workspace's list, or puts its new title there; older versions change nothing. */
export function applyBoardToList(list: BoardList, board: BoardSummaryDto): BoardList {
  const existing = list.items.find((item) => item.id === board.id);
  if (existing && existing.version >= board.version) return list;
  return { ...list, items: [...list.items.filter((item) => item.id !== board.id), summaryOf(board)].sort(byTitle) };
}

/** Applies one event of the workspace's log to the cached list of its boards; unrelated events return `list` itself. */
export function applyBoardListEvent(list: BoardList, event: WorkspaceEvent): BoardList {
  return event.type === 'board.created' || event.type === 'board.updated' ? applyBoardToList(list, event.payload) : list;
}

/** The local guess of a move, shown until the server answers: array order is display order. */
export function moveCardLocally<B extends BoardDto>(board: B, cardId: string, columnId: string, afterCardId: string | null): B {
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

/** `details.current` of a 409 VERSION_CONFLICT on a column, label or board: the server's state of it. */
export function conflictCurrent<T extends { id: string; version: number }>(details: unknown): T | null {
  const current = (details as { current?: unknown } | null | undefined)?.current;
  return current && typeof current === 'object' && 'id' in current && 'version' in current ? (current as T) : null;
}
