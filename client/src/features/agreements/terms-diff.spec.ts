// Imported, not global: the client's tsconfig has no Jest types.
import { describe, expect, it } from '@jest/globals';
import { diffTerms } from './terms-diff';

describe('diffTerms', () => {
  it('shows a changed figure inside a line as that word removed and added', () => {
    expect(diffTerms('Train 40 officials.\nReport yearly.\n', 'Train 60 officials.\nReport yearly.\n')).toEqual([
      { kind: 'same', text: 'Train ' },
      { kind: 'removed', text: '40' },
      { kind: 'added', text: '60' },
      { kind: 'same', text: ' officials.\nReport yearly.\n' },
    ]);
  });

  it('shows an added line as added and a dropped line as removed', () => {
    expect(diffTerms('A.\nB.\n', 'A.\nC.\nB.\n')).toEqual([
      { kind: 'same', text: 'A.\n' },
      { kind: 'added', text: 'C.\n' },
      { kind: 'same', text: 'B.\n' },
    ]);
    expect(diffTerms('A.\nB.\n', 'A.\n')).toEqual([
      { kind: 'same', text: 'A.\n' },
      { kind: 'removed', text: 'B.\n' },
    ]);
  });

  it('finds nothing changed between equal texts', () => {
    expect(diffTerms('Same terms', 'Same terms')).toEqual([{ kind: 'same', text: 'Same terms' }]);
  });
});
