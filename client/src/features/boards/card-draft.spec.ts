import { describe, expect, it } from '@jest/globals';
import type { CardDto } from '@enlace/shared';
import { changesOf, draftOf, rebaseDraft } from './card-draft.js';

const card = {
  id: 'card-1',
  boardId: 'board-1',
  columnId: 'column-1',
  workspaceId: 'workspace-1',
  title: 'Arrange shelter placement',
  description: 'Two nights',
  position: 'a0',
  assigneeIds: ['u1', 'u2'],
  responsibleOrganizationId: 'org-1',
  dueDate: '2026-03-05',
  priority: 'high',
  labelIds: ['l1', 'l2'],
  checklist: [{ id: 'c1', text: 'Call the shelter', done: false }],
  commitmentId: null,
  archived: false,
  commentCount: 0,
  version: 4,
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} satisfies CardDto;

describe('changesOf', () => {
  it('is empty for an untouched draft', () => {
    expect(changesOf(card, draftOf(card))).toEqual({});
  });

  it('sends only the fields that changed, so a label edit cannot overwrite the description', () => {
    expect(changesOf(card, { ...draftOf(card), labelIds: ['l1', 'l2', 'l3'] })).toEqual({ labelIds: ['l1', 'l2', 'l3'] });
  });

  it('treats the same labels and assignees in another order as unchanged', () => {
    expect(changesOf(card, { ...draftOf(card), labelIds: ['l2', 'l1'], assigneeIds: ['u2', 'u1'] })).toEqual({});
  });

  it('clears the responsible organisation and the due date with null, and trims the title', () => {
    expect(changesOf(card, { ...draftOf(card), responsibleOrganizationId: null, dueDate: '', title: ' Arrange a shelter ' })).toEqual({
      responsibleOrganizationId: null,
      dueDate: null,
      title: 'Arrange a shelter',
    });
  });
});

describe('rebaseDraft', () => {
  const theirs = { ...card, version: 5, title: 'Arrange a shelter placement', priority: 'urgent', description: 'Three nights' } satisfies CardDto;

  it('takes what only they changed, keeps what only the draft changed, and lists both-changed fields as conflicts', () => {
    const draft = { ...draftOf(card), description: 'Two nights, then the family home', dueDate: '2026-03-09' };
    const { draft: next, conflicts } = rebaseDraft(card, theirs, draft);
    expect(next).toEqual({ ...draftOf(theirs), description: 'Two nights, then the family home', dueDate: '2026-03-09' });
    expect(conflicts).toEqual(['description']);
  });

  it('sees no conflict where both made the same change', () => {
    const draft = { ...draftOf(card), priority: 'urgent' as const };
    expect(rebaseDraft(card, theirs, draft).conflicts).toEqual([]);
  });
});
