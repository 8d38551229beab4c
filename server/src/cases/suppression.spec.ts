import { suppressSmallCounts } from './suppression.js';

const table = (...counts: number[]) => counts.map((count, i) => ({ key: `k${i}`, count }));
const shown = (result: ReturnType<typeof suppressSmallCounts>) => result.cells.map((cell) => cell.count);

describe('small-number suppression', () => {
  it('shows every count of 5 or more, and the total', () => {
    expect(suppressSmallCounts(table(5, 12, 30), 47, 0)).toEqual({ cells: [{ key: 'k0', count: 5 }, { key: 'k1', count: 12 }, { key: 'k2', count: 30 }], total: 47 });
  });

  it('never leaves a single suppressed cell that the total minus the others would reveal', () => {
    const result = suppressSmallCounts(table(3, 12, 30, 7), 52, 0);
    expect(shown(result)).toEqual(['<5', 12, 30, '<5']);
    expect(result.total).toBe(52);
  });

  it('adds cells until the suppressed ones sum to 5 or more, so their sum is not a small count either', () => {
    // 1 and 2 suppressed sum to 3: 52 − shown cells would reveal "3 cases in those two"; 6 joins them.
    expect(shown(suppressSmallCounts(table(1, 2, 6, 40), 49, 0))).toEqual(['<5', '<5', '<5', 40]);
  });

  it('suppresses the total when no other cell is left to hide with', () => {
    expect(suppressSmallCounts(table(2, 2), 4, 0)).toEqual({ cells: [{ key: 'k0', count: '<5' }, { key: 'k1', count: '<5' }], total: '<5' });
    expect(suppressSmallCounts(table(1, 3), 9, 0).total).toBe('<5');
  });

  it('counts zero as small', () => {
    expect(shown(suppressSmallCounts(table(0, 20, 25), 45, 0))).toEqual(['<5', '<5', 25]);
  });

  it('where only values with a case are listed, each suppressed cell is known to hold one: the rest must still hide 5', () => {
    // Five jurisdictions of one case each beside one of 40: 45 − 40 = 5 over five listed cells says each is exactly 1.
    expect(suppressSmallCounts(table(1, 1, 1, 1, 1, 40), 45, 1)).toEqual({ cells: table(1, 1, 1, 1, 1, 40).map(({ key }) => ({ key, count: '<5' })), total: 45 });
    expect(shown(suppressSmallCounts(table(1, 1, 1, 1, 1, 40), 45, 0))).toEqual(['<5', '<5', '<5', '<5', '<5', 40]);
    // 2 and 4 leave 6 − 2 = 4 unknown beyond one case each: 9 joins them; 3 and 4 beside 9 leave 5 and stand.
    expect(shown(suppressSmallCounts(table(2, 4, 9, 30), 45, 1))).toEqual(['<5', '<5', '<5', 30]);
    expect(shown(suppressSmallCounts(table(3, 4, 9, 30), 46, 1))).toEqual(['<5', '<5', 9, 30]);
  });

  it.each([0, 1] as const)('on any table (each listed cell at least %i), no total or difference gives back a suppressed cell', (least) => {
    for (let seed = 1; seed < 500; seed += 1) {
      const counts = Array.from({ length: 2 + (seed % 6) }, (_, i) => least + (((seed * 7919 + i * 104_729) % 23) % (i % 3 === 0 ? 6 : 40)));
      const total = counts.reduce((a, b) => a + b, 0);
      const result = suppressSmallCounts(table(...counts), total, least);
      const hidden = result.cells.filter((cell) => cell.count === '<5');
      for (const cell of result.cells) if (typeof cell.count === 'number') expect(cell.count).toBeGreaterThanOrEqual(5);
      if (result.total !== '<5' && hidden.length > 0) {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        // What a reader learns: the suppressed cells' sum, of which each holds at least `least`; the rest must be 5 or more.
        const hiddenSum = total - result.cells.reduce((sum, cell) => sum + (typeof cell.count === 'number' ? cell.count : 0), 0);
        expect(hiddenSum - least * hidden.length).toBeGreaterThanOrEqual(5);
      }
    }
  });
});
