import { suppressSmallCounts } from './suppression.js';

const table = (...counts: number[]) => counts.map((count, i) => ({ key: `k${i}`, count }));
const shown = (result: ReturnType<typeof suppressSmallCounts>) => result.cells.map((cell) => cell.count);

describe('small-number suppression', () => {
  it('shows every count of 5 or more, and the total', () => {
    expect(suppressSmallCounts(table(5, 12, 30), 47)).toEqual({ cells: [{ key: 'k0', count: 5 }, { key: 'k1', count: 12 }, { key: 'k2', count: 30 }], total: 47 });
  });

  it('never leaves a single suppressed cell that the total minus the others would reveal', () => {
    const result = suppressSmallCounts(table(3, 12, 30, 7), 52);
    expect(shown(result)).toEqual(['<5', 12, 30, '<5']);
    expect(result.total).toBe(52);
  });

  it('adds cells until the suppressed ones sum to 5 or more, so their sum is not a small count either', () => {
    // 1 and 2 suppressed sum to 3: 52 − shown cells would reveal "3 cases in those two"; 6 joins them.
    expect(shown(suppressSmallCounts(table(1, 2, 6, 40), 49))).toEqual(['<5', '<5', '<5', 40]);
  });

  it('suppresses the total when no other cell is left to hide with', () => {
    expect(suppressSmallCounts(table(2, 2), 4)).toEqual({ cells: [{ key: 'k0', count: '<5' }, { key: 'k1', count: '<5' }], total: '<5' });
    expect(suppressSmallCounts(table(1, 3), 9).total).toBe('<5');
  });

  it('counts zero as small', () => {
    expect(shown(suppressSmallCounts(table(0, 20, 25), 45))).toEqual(['<5', '<5', 25]);
  });

  it('on any table, no total or difference gives back a suppressed cell', () => {
    for (let seed = 1; seed < 500; seed += 1) {
      const counts = Array.from({ length: 2 + (seed % 6) }, (_, i) => ((seed * 7919 + i * 104_729) % 23) % (i % 3 === 0 ? 6 : 40));
      const total = counts.reduce((a, b) => a + b, 0);
      const result = suppressSmallCounts(table(...counts), total);
      const hidden = result.cells.filter((cell) => cell.count === '<5');
      for (const cell of result.cells) if (typeof cell.count === 'number') expect(cell.count).toBeGreaterThanOrEqual(5);
      if (result.total !== '<5' && hidden.length > 0) {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        const hiddenSum = total - result.cells.reduce((sum, cell) => sum + (typeof cell.count === 'number' ? cell.count : 0), 0);
        expect(hiddenSum).toBeGreaterThanOrEqual(5);
      }
    }
  });
});
