import { describe, expect, it } from '@jest/globals';
import type { CardDto, ColumnDto } from '@enlace/shared';
import { cardsByColumn, navigateFrom, tabStopOf } from './board-navigation.js';

const columns = ['todo', 'empty', 'doing'].map((id) => ({ id }) as ColumnDto);
const card = (id: string, columnId: string) => ({ id, columnId }) as CardDto;
const cards = [card('a1', 'todo'), card('a2', 'todo'), card('a3', 'todo'), card('b1', 'doing'), card('b2', 'doing')];
const byColumn = cardsByColumn(columns, cards);

describe('moving focus between cards with the keyboard', () => {
  it('groups the cards by column in order, keeping empty columns', () => {
    expect([...byColumn].map(([id, list]) => [id, list.map((item) => item.id)])).toEqual([
      ['todo', ['a1', 'a2', 'a3']],
      ['empty', []],
      ['doing', ['b1', 'b2']],
    ]);
  });

  it('moves up and down within a column and stops at its ends', () => {
    expect(navigateFrom(columns, byColumn, 'a2', 'ArrowDown')).toBe('a3');
    expect(navigateFrom(columns, byColumn, 'a3', 'ArrowDown')).toBeUndefined();
    expect(navigateFrom(columns, byColumn, 'a1', 'ArrowUp')).toBeUndefined();
    expect(navigateFrom(columns, byColumn, 'a2', 'End')).toBe('a3');
    expect(navigateFrom(columns, byColumn, 'a3', 'Home')).toBe('a1');
  });

  it('moves sideways past empty columns, to the same height or the last card', () => {
    expect(navigateFrom(columns, byColumn, 'a1', 'ArrowRight')).toBe('b1');
    expect(navigateFrom(columns, byColumn, 'a3', 'ArrowRight')).toBe('b2');
    expect(navigateFrom(columns, byColumn, 'b2', 'ArrowLeft')).toBe('a2');
    expect(navigateFrom(columns, byColumn, 'b1', 'ArrowRight')).toBeUndefined();
  });

  it('gives each column one tab stop: the card last focused there, else the first', () => {
    expect(tabStopOf(byColumn.get('todo')!, 'a3')).toBe('a3');
    expect(tabStopOf(byColumn.get('todo')!, 'b1')).toBe('a1');
    expect(tabStopOf(byColumn.get('empty')!, 'a1')).toBeUndefined();
  });
});
