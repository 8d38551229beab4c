import type { Page } from '@enlace/shared';

/**
 * A keyset page from rows read with `limit + 1`: the extra row, if any, only says that there is more,
 * and the cursor to continue from is the last item's.
 */
export function pageOf<Row, Item>(rows: Row[], limit: number, map: (row: Row) => Item, cursorOf: (item: Item) => string): Page<Item> {
  const items = rows.slice(0, limit).map(map);
  return rows.length > limit ? { items, nextCursor: cursorOf(items[items.length - 1]) } : { items };
}
