// Imported, not global: the client's tsconfig has no Jest types.
import { describe, expect, it } from '@jest/globals';
import type { BoardDto, BoardSnapshotDto, BoardSummaryDto, CardDto, ColumnDto, LabelDto, WorkspaceEvent } from '@enlace/shared';
import { applyBoardChange, applyBoardEvent, applyBoardListEvent, type BoardList } from './board-cache.js';

const BOARD = 'board-1';

const card = (id: string, fields: Partial<CardDto> = {}): CardDto => ({
  id,
  boardId: BOARD,
  columnId: 'column-1',
  workspaceId: 'workspace-1',
  title: `Card ${id}`,
  description: '',
  position: id,
  assigneeIds: [],
  responsibleOrganizationId: null,
  dueDate: null,
  priority: 'medium',
  labelIds: [],
  checklist: [],
  commitmentId: null,
  archived: false,
  commentCount: 0,
  version: 1,
  createdBy: 'user-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

// Built as the server sends it; cast because LabelDto is growing fields this code does not read.
const label = (id: string, fields: Partial<LabelDto> = {}) => ({ id, boardId: BOARD, name: `Label ${id}`, color: '#1f845a', version: 1, ...fields }) as LabelDto;

const column = (id: string, fields: Partial<ColumnDto> = {}): ColumnDto => ({ id, boardId: BOARD, title: `Column ${id}`, position: id, wipLimit: null, done: false, version: 1, ...fields });

const board = (fields: Partial<BoardDto> = {}): BoardDto => ({ id: BOARD, workspaceId: 'workspace-1', title: 'Board', version: 1, columns: [], labels: [], cards: [], ...fields });

let seq = 0;
// Built loosely (any type with any payload), as a test of what the cache does with each.
const event = (type: string, entityId: string, payload: unknown): WorkspaceEvent =>
  ({
  workspaceId: 'workspace-1',
  seq: ++seq,
  type,
  entityType: type.split('.')[0],
  entityId,
  payload,
  actorId: 'user-2',
  at: '2026-01-01T00:00:00.000Z',
  }) as WorkspaceEvent;

describe('applyBoardChange', () => {
  it('adds a label created on this board, after the ones it has', () => {
    const next = applyBoardChange(board({ labels: [label('a')] }), event('label.created', 'b', label('b')));
    expect(next.labels.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('replaces a label it already holds where it stands (the answer to our own request came first)', () => {
    const next = applyBoardChange(board({ labels: [label('a'), label('b')] }), event('label.created', 'a', label('a', { name: 'Legal aid' })));
    expect(next.labels.map((item) => item.name)).toEqual(['Legal aid', 'Label b']);
  });

  it('leaves the board itself untouched for an event about another board', () => {
    const before = board();
    expect(applyBoardChange(before, event('label.created', 'x', label('x', { boardId: 'board-2' })))).toBe(before);
    expect(applyBoardChange(before, event('card.created', 'x', card('x', { boardId: 'board-2' })))).toBe(before);
  });

  it('leaves the board itself untouched for events that are not about boards', () => {
    const before = board({ cards: [card('a')] });
    for (const type of ['comment.added', 'member.added', 'invitation.created', 'workspace.updated']) {
      expect(applyBoardChange(before, event(type, 'a', {}))).toBe(before);
    }
  });

  it('applies a card update with its labels and assignees, keeping every other card object as it was', () => {
    const other = card('b');
    const next = applyBoardChange(
      board({ cards: [card('a'), other] }),
      event('card.updated', 'a', card('a', { version: 2, labelIds: ['l1'], assigneeIds: ['u1'] })),
    );
    expect(next.cards.find((item) => item.id === 'a')).toMatchObject({ version: 2, labelIds: ['l1'], assigneeIds: ['u1'] });
    expect(next.cards.find((item) => item.id === 'b')).toBe(other);
  });

  it('never goes back to an older version of a card', () => {
    const before = board({ cards: [card('a', { version: 3, title: 'Newest' })] });
    expect(applyBoardChange(before, event('card.updated', 'a', card('a', { version: 2, title: 'Older' }))).cards[0].title).toBe('Newest');
  });

  it('drops archived and deleted cards', () => {
    const before = board({ cards: [card('a'), card('b')] });
    const archived = applyBoardChange(before, event('card.archived', 'a', card('a', { version: 2, archived: true })));
    expect(archived.cards.map((item) => item.id)).toEqual(['b']);
    const deleted = applyBoardChange(before, event('card.deleted', 'b', { id: 'b', boardId: BOARD, columnId: 'column-1' }));
    expect(deleted.cards.map((item) => item.id)).toEqual(['a']);
  });

  describe('columns', () => {
    it('adds a created column in its place by position', () => {
      const next = applyBoardChange(board({ columns: [column('a0'), column('a2')] }), event('column.created', 'a1', column('a1')));
      expect(next.columns.map((item) => item.id)).toEqual(['a0', 'a1', 'a2']);
    });

    it('applies a rename and a new WIP limit, keeping the other columns as they were', () => {
      const other = column('a1');
      const next = applyBoardChange(board({ columns: [column('a0'), other] }), event('column.updated', 'a0', column('a0', { title: 'Legal review', wipLimit: 3, version: 2 })));
      expect(next.columns[0]).toMatchObject({ title: 'Legal review', wipLimit: 3, version: 2 });
      expect(next.columns[1]).toBe(other);
    });

    it('re-sorts the columns when an update moves one to a new position', () => {
      const before = board({ columns: [column('x', { position: 'a0' }), column('y', { position: 'a1' }), column('z', { position: 'a2' })] });
      const next = applyBoardChange(before, event('column.updated', 'z', column('z', { position: 'a0V', version: 2 })));
      expect(next.columns.map((item) => item.id)).toEqual(['x', 'z', 'y']);
      const first = applyBoardChange(next, event('column.updated', 'y', column('y', { position: 'Zz', version: 2 })));
      expect(first.columns.map((item) => item.id)).toEqual(['y', 'x', 'z']);
    });

    it('never goes back to an older version of a column', () => {
      const before = board({ columns: [column('a0', { title: 'Newest', version: 3 })] });
      expect(applyBoardChange(before, event('column.updated', 'a0', column('a0', { title: 'Older', version: 2 })))).toBe(before);
    });

    it('removes a deleted column', () => {
      const next = applyBoardChange(board({ columns: [column('a0'), column('a1')] }), event('column.deleted', 'a0', { id: 'a0', boardId: BOARD }));
      expect(next.columns.map((item) => item.id)).toEqual(['a1']);
    });

    it('leaves the board itself untouched for a column deleted on another board, or one it does not hold', () => {
      const before = board({ columns: [column('a0')] });
      expect(applyBoardChange(before, event('column.deleted', 'a0', { id: 'a0', boardId: 'board-2' }))).toBe(before);
      expect(applyBoardChange(before, event('column.deleted', 'gone', { id: 'gone', boardId: BOARD }))).toBe(before);
    });
  });

  describe('labels', () => {
    it('renames and recolours a label where it stands', () => {
      const next = applyBoardChange(board({ labels: [label('a'), label('b')] }), event('label.updated', 'a', label('a', { name: 'Shelter', color: '#0c66e4', version: 2 })));
      expect(next.labels.map((item) => [item.id, item.name, item.color])).toEqual([
        ['a', 'Shelter', '#0c66e4'],
        ['b', 'Label b', '#1f845a'],
      ]);
    });

    it('never goes back to an older version of a label', () => {
      const before = board({ labels: [label('a', { name: 'Newest', version: 3 })] });
      expect(applyBoardChange(before, event('label.updated', 'a', label('a', { name: 'Older', version: 2 })))).toBe(before);
    });

    it('removes a deleted label from the board and from every card, without touching card versions or other cards', () => {
      const untouched = card('c', { labelIds: ['b'] });
      const before = board({
        labels: [label('a'), label('b')],
        cards: [card('x', { labelIds: ['a', 'b'], version: 4 }), card('y', { labelIds: ['a'] }), untouched],
      });
      const next = applyBoardChange(before, event('label.deleted', 'a', { id: 'a', boardId: BOARD }));
      expect(next.labels.map((item) => item.id)).toEqual(['b']);
      expect(next.cards.map((item) => [item.id, item.labelIds, item.version])).toEqual([
        ['x', ['b'], 4],
        ['y', [], 1],
        ['c', ['b'], 1],
      ]);
      expect(next.cards[2]).toBe(untouched);
    });

    it('leaves the board itself untouched for a label deleted on another board', () => {
      const before = board({ labels: [label('a')], cards: [card('x', { labelIds: ['a'] })] });
      expect(applyBoardChange(before, event('label.deleted', 'a', { id: 'a', boardId: 'board-2' }))).toBe(before);
    });
  });

  describe('the board itself', () => {
    const summary = (fields: Partial<BoardSummaryDto> = {}): BoardSummaryDto => ({ id: BOARD, workspaceId: 'workspace-1', title: 'Board', version: 1, ...fields });

    it('takes a new title and version, keeping columns, labels and cards', () => {
      const before = board({ columns: [column('a0')], labels: [label('a')], cards: [card('x')] });
      const next = applyBoardChange(before, event('board.updated', BOARD, summary({ title: 'Case plan', version: 2 })));
      expect(next).toMatchObject({ title: 'Case plan', version: 2 });
      expect(next.columns).toBe(before.columns);
      expect(next.labels).toBe(before.labels);
      expect(next.cards).toBe(before.cards);
    });

    it('ignores an older title and a rename of another board', () => {
      const before = board({ title: 'Newest', version: 3 });
      expect(applyBoardChange(before, event('board.updated', BOARD, summary({ title: 'Older', version: 2 })))).toBe(before);
      expect(applyBoardChange(before, event('board.updated', 'board-2', summary({ id: 'board-2', title: 'Other', version: 5 })))).toBe(before);
    });

    it('leaves a cached board untouched when another board is created', () => {
      const before = board();
      expect(applyBoardChange(before, event('board.created', 'board-2', { ...board({ id: 'board-2', title: 'Referrals' }), columns: [column('a0', { boardId: 'board-2' })] }))).toBe(before);
    });
  });
});

describe('applyBoardEvent', () => {
  const snapshot = (boardSeq: number, fields: Partial<BoardDto> = {}): BoardSnapshotDto => ({ ...board(fields), seq: boardSeq });
  const at = (eventSeq: number, made: WorkspaceEvent): WorkspaceEvent => ({ ...made, seq: eventSeq });
  const created = (eventSeq: number, id: string) => at(eventSeq, event('card.created', id, card(id)));

  it('skips an event the snapshot already includes', () => {
    const before = snapshot(5);
    expect(applyBoardEvent(before, created(5, 'a'))).toBe(before);
    expect(applyBoardEvent(before, created(3, 'a'))).toBe(before);
  });

  it('applies the next event and takes its seq', () => {
    const next = applyBoardEvent(snapshot(5), created(6, 'a'));
    expect(next.seq).toBe(6);
    expect(next.cards.map((item) => item.id)).toEqual(['a']);
  });

  it('takes the seq of the next event even when it concerns another board, so the board stays in step with the log', () => {
    const next = applyBoardEvent(snapshot(5, { cards: [card('a')] }), at(6, event('comment.added', 'c', {})));
    expect(next.seq).toBe(6);
    expect(next.cards).toEqual([card('a')]);
  });

  it('leaves a board that is behind as it is: a later event waits for the ones between', () => {
    const before = snapshot(5);
    expect(applyBoardEvent(before, created(7, 'a'))).toBe(before);
  });

  it('leaves the board as it is for an event of another workspace', () => {
    const before = snapshot(5);
    expect(applyBoardEvent(before, { ...created(6, 'a'), workspaceId: 'workspace-2' })).toBe(before);
  });

  it('catches up a board read before events the socket already applied: only the events after its seq, in order', () => {
    // The log from 3 to 8: the snapshot (seq 5) holds a at its third version; 6 renames it, 7 creates b, 8 moves b.
    const log = [
      at(3, event('card.created', 'a', card('a'))),
      at(4, event('card.updated', 'a', card('a', { version: 2, title: 'Second' }))),
      at(5, event('card.updated', 'a', card('a', { version: 3, title: 'Third' }))),
      at(6, event('card.updated', 'a', card('a', { version: 4, title: 'Fourth' }))),
      created(7, 'b'),
      at(8, event('card.moved', 'b', card('b', { version: 2, columnId: 'column-2' }))),
    ];
    const filled = log.reduce((current, item) => applyBoardEvent(current, item), snapshot(5, { cards: [card('a', { version: 3, title: 'Third' })] }));
    expect(filled.seq).toBe(8);
    expect(filled.cards.map((item) => [item.id, item.title, item.columnId, item.version])).toEqual([
      ['a', 'Fourth', 'column-1', 4],
      ['b', 'Card b', 'column-2', 2],
    ]);
  });

  it('does not let a live event jump ahead of a catch-up still on its way, and then takes it in turn', () => {
    // Read at seq 5 while the socket is at 7: event 8 arrives live before the log's 6 and 7.
    const live = created(8, 'c');
    const read = snapshot(5);
    expect(applyBoardEvent(read, live)).toBe(read);
    const filled = [created(6, 'a'), created(7, 'b'), live].reduce((current, item) => applyBoardEvent(current, item), read);
    expect(filled.seq).toBe(8);
    expect(filled.cards.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('applyBoardListEvent', () => {
  const summary = (id: string, title: string, version = 1): BoardSummaryDto => ({ id, workspaceId: 'workspace-1', title, version });
  const list = (...items: BoardSummaryDto[]): BoardList => ({ items });

  it('adds a created board to the list, in title order, with only what the list shows', () => {
    const created = { ...summary('b2', 'Case plan'), columns: [column('a0', { boardId: 'b2' })], labels: [], cards: [] };
    const next = applyBoardListEvent(list(summary('b1', 'Board'), summary('b3', 'Referrals')), event('board.created', 'b2', created));
    expect(next.items).toEqual([summary('b1', 'Board'), summary('b2', 'Case plan'), summary('b3', 'Referrals')]);
  });

  it('adds a board once, however often its creation arrives', () => {
    const once = applyBoardListEvent(list(summary('b1', 'Board')), event('board.created', 'b2', summary('b2', 'Case plan')));
    expect(applyBoardListEvent(once, event('board.created', 'b2', summary('b2', 'Case plan')))).toBe(once);
  });

  it('renames a board in the list and keeps the list in title order', () => {
    const next = applyBoardListEvent(list(summary('b1', 'Board'), summary('b2', 'Case plan')), event('board.updated', 'b1', summary('b1', 'Referrals', 2)));
    expect(next.items.map((item) => [item.id, item.title, item.version])).toEqual([
      ['b2', 'Case plan', 1],
      ['b1', 'Referrals', 2],
    ]);
  });

  it('ignores an older rename and events that are not about boards', () => {
    const before = list(summary('b1', 'Newest', 3));
    expect(applyBoardListEvent(before, event('board.updated', 'b1', summary('b1', 'Older', 2)))).toBe(before);
    expect(applyBoardListEvent(before, event('column.created', 'a0', column('a0')))).toBe(before);
  });
});
