// Imported, not global: the client's tsconfig has no Jest types.
import { describe, expect, it } from '@jest/globals';
import type { BoardDto, CardDto, LabelDto, WorkspaceEvent } from '@enlace/shared';
import { applyBoardEvent } from './board-cache.js';

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

const board = (fields: Partial<BoardDto> = {}): BoardDto => ({ id: BOARD, workspaceId: 'workspace-1', title: 'Board', version: 1, columns: [], labels: [], cards: [], ...fields });

let seq = 0;
const event = (type: string, entityId: string, payload: unknown): WorkspaceEvent => ({
  workspaceId: 'workspace-1',
  seq: ++seq,
  type,
  entityType: type.split('.')[0],
  entityId,
  payload,
  actorId: 'user-2',
  at: '2026-01-01T00:00:00.000Z',
});

describe('applyBoardEvent', () => {
  it('adds a label created on this board, after the ones it has', () => {
    const next = applyBoardEvent(board({ labels: [label('a')] }), event('label.created', 'b', label('b')));
    expect(next.labels.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('replaces a label it already holds where it stands (the answer to our own request came first)', () => {
    const next = applyBoardEvent(board({ labels: [label('a'), label('b')] }), event('label.created', 'a', label('a', { name: 'Legal aid' })));
    expect(next.labels.map((item) => item.name)).toEqual(['Legal aid', 'Label b']);
  });

  it('leaves the board itself untouched for an event about another board', () => {
    const before = board();
    expect(applyBoardEvent(before, event('label.created', 'x', label('x', { boardId: 'board-2' })))).toBe(before);
    expect(applyBoardEvent(before, event('card.created', 'x', card('x', { boardId: 'board-2' })))).toBe(before);
  });

  it('leaves the board itself untouched for events that are not about boards', () => {
    const before = board({ cards: [card('a')] });
    for (const type of ['comment.added', 'member.added', 'invitation.created', 'workspace.updated']) {
      expect(applyBoardEvent(before, event(type, 'a', {}))).toBe(before);
    }
  });

  it('applies a card update with its labels and assignees, keeping every other card object as it was', () => {
    const other = card('b');
    const next = applyBoardEvent(
      board({ cards: [card('a'), other] }),
      event('card.updated', 'a', card('a', { version: 2, labelIds: ['l1'], assigneeIds: ['u1'] })),
    );
    expect(next.cards.find((item) => item.id === 'a')).toMatchObject({ version: 2, labelIds: ['l1'], assigneeIds: ['u1'] });
    expect(next.cards.find((item) => item.id === 'b')).toBe(other);
  });

  it('never goes back to an older version of a card', () => {
    const before = board({ cards: [card('a', { version: 3, title: 'Newest' })] });
    expect(applyBoardEvent(before, event('card.updated', 'a', card('a', { version: 2, title: 'Older' }))).cards[0].title).toBe('Newest');
  });

  it('drops archived and deleted cards', () => {
    const before = board({ cards: [card('a'), card('b')] });
    const archived = applyBoardEvent(before, event('card.archived', 'a', card('a', { version: 2, archived: true })));
    expect(archived.cards.map((item) => item.id)).toEqual(['b']);
    const deleted = applyBoardEvent(before, event('card.deleted', 'b', { id: 'b', boardId: BOARD, columnId: 'column-1' }));
    expect(deleted.cards.map((item) => item.id)).toEqual(['a']);
  });
});
