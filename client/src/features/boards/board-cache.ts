import type { BoardDto, CardDto, ColumnDto, LabelDto } from '@enlace/shared';

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

export function applyLabel(board: BoardDto, label: LabelDto): BoardDto {
  if (label.boardId !== board.id) return board;
  return { ...board, labels: [...board.labels.filter((item) => item.id !== label.id), label] };
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
