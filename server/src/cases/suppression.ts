import { SMALL_COUNT_THRESHOLD, SUPPRESSED } from '@enlace/shared';

export interface Cell {
  key: string | null;
  count: number;
}

export interface SuppressedTable {
  cells: Array<{ key: string | null; count: number | typeof SUPPRESSED }>;
  total: number | typeof SUPPRESSED;
}

/**
 * Small-number suppression for a one-way table of counts and its total. Primary: every count below the threshold
 * is shown as "<5". Complementary: the suppressed cells together must not be recoverable from the total minus
 * the shown cells, so while fewer than two cells are suppressed, or their sum leaves less than the threshold once
 * each has its known least count (`least`: 0 where every value is listed, zeros included; 1 where a value is
 * listed only when it has a case, so five listed cells summing to 5 would each be exactly 1), the smallest shown
 * cell is suppressed too; when none is left, the total goes as well. A total below the threshold is suppressed.
 */
export function suppressSmallCounts(cells: Cell[], total: number, least: 0 | 1): SuppressedTable {
  const hidden = new Set(cells.filter((cell) => cell.count < SMALL_COUNT_THRESHOLD).map((cell) => cell.key));
  let hideTotal = total < SMALL_COUNT_THRESHOLD;
  // What the difference tells a reader beyond what each suppressed cell's mere presence already says.
  const hiddenSlack = () => cells.filter((cell) => hidden.has(cell.key)).reduce((sum, cell) => sum + cell.count - least, 0);
  while (!hideTotal && hidden.size > 0 && (hidden.size < 2 || hiddenSlack() < SMALL_COUNT_THRESHOLD)) {
    const next = cells.filter((cell) => !hidden.has(cell.key)).sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.key);
    else hideTotal = true;
  }
  return {
    cells: cells.map((cell) => ({ key: cell.key, count: hidden.has(cell.key) ? SUPPRESSED : cell.count })),
    total: hideTotal ? SUPPRESSED : total,
  };
}
