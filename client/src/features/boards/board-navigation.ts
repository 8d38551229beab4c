import type { CardDto, ColumnDto } from '@enlace/shared';

/** The keys that move focus between cards (a roving tab index: one tab stop per column). */
export type CardNavigationKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';
export const NAVIGATION_KEYS: ReadonlySet<string> = new Set<CardNavigationKey>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** The board's cards by column, in display order: one list per column, empty ones included. */
export function cardsByColumn(columns: ColumnDto[], cards: CardDto[]): Map<string, CardDto[]> {
  const byColumn = new Map<string, CardDto[]>(columns.map((column) => [column.id, []]));
  for (const card of cards) byColumn.get(card.columnId)?.push(card);
  return byColumn;
}

/** The one card of a column that Tab reaches: the last one focused there, else the first. */
export function tabStopOf(cards: CardDto[], activeCardId: string | null): string | undefined {
  return activeCardId !== null && cards.some((card) => card.id === activeCardId) ? activeCardId : cards[0]?.id;
}

/**
 * Where a key pressed on a card takes focus: up and down within its column, Home and End to its ends,
 * left and right to the nearest column that has cards, at the same height (or its last card).
 */
export function navigateFrom(columns: ColumnDto[], byColumn: Map<string, CardDto[]>, cardId: string, key: CardNavigationKey): string | undefined {
  const columnIndex = columns.findIndex((column) => byColumn.get(column.id)?.some((card) => card.id === cardId));
  if (columnIndex === -1) return undefined;
  const cards = byColumn.get(columns[columnIndex].id) ?? [];
  const index = cards.findIndex((card) => card.id === cardId);
  switch (key) {
    case 'ArrowUp':
      return cards[index - 1]?.id;
    case 'ArrowDown':
      return cards[index + 1]?.id;
    case 'Home':
      return cards[0]?.id;
    case 'End':
      return cards[cards.length - 1]?.id;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let next = columnIndex + step; next >= 0 && next < columns.length; next += step) {
        const other = byColumn.get(columns[next].id) ?? [];
        if (other.length > 0) return other[Math.min(index, other.length - 1)].id;
      }
      return undefined;
    }
  }
}
