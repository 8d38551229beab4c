import type { CardDto, ChecklistItem, Priority, UpdateCardInput } from '@enlace/shared';

/** What the card dialog edits, as its controls hold it (an empty string for no due date). */
export interface CardDraft {
  title: string;
  description: string;
  priority: Priority;
  dueDate: string;
  labelIds: string[];
  assigneeIds: string[];
  responsibleOrganizationId: string | null;
  checklist: ChecklistItem[];
}

export type CardChanges = Omit<UpdateCardInput, 'version'>;

export const draftOf = (card: CardDto): CardDraft => ({
  title: card.title,
  description: card.description,
  priority: card.priority,
  dueDate: card.dueDate ?? '',
  labelIds: card.labelIds,
  assigneeIds: card.assigneeIds,
  responsibleOrganizationId: card.responsibleOrganizationId,
  checklist: card.checklist,
});

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * Only what the draft changes on `card`, as `PATCH /api/cards/:id` takes it: an edit that touches
 * the labels does not resend, and so cannot overwrite, the description. Empty when nothing changed.
 */
export function changesOf(card: CardDto, draft: CardDraft): CardChanges {
  const changes: CardChanges = {};
  const title = draft.title.trim();
  if (title !== card.title) changes.title = title;
  if (draft.description !== card.description) changes.description = draft.description;
  if (draft.priority !== card.priority) changes.priority = draft.priority;
  const dueDate = draft.dueDate || null;
  if (dueDate !== card.dueDate) changes.dueDate = dueDate;
  if (!sameSet(draft.labelIds, card.labelIds)) changes.labelIds = draft.labelIds;
  if (!sameSet(draft.assigneeIds, card.assigneeIds)) changes.assigneeIds = draft.assigneeIds;
  if (draft.responsibleOrganizationId !== card.responsibleOrganizationId) changes.responsibleOrganizationId = draft.responsibleOrganizationId;
  if (JSON.stringify(draft.checklist) !== JSON.stringify(card.checklist)) changes.checklist = draft.checklist;
  return changes;
}

export const hasChanges = (changes: CardChanges) => Object.keys(changes).length > 0;

/** `selected` with `id` added at the end (once) or removed. */
export function toggleId(selected: string[], id: string, on: boolean): string[] {
  if (on) return selected.includes(id) ? selected : [...selected, id];
  return selected.filter((item) => item !== id);
}

export type DraftField = keyof CardDraft;
const DRAFT_FIELDS: DraftField[] = ['title', 'description', 'priority', 'dueDate', 'labelIds', 'assigneeIds', 'responsibleOrganizationId', 'checklist'];

/** The draft fields that `changes` touches (its keys are the draft's, with the due date as sent). */
const fieldsOf = (changes: CardChanges) => new Set(Object.keys(changes) as DraftField[]);

/**
 * A draft started from `base`, carried onto `current` (someone else's newer version): what only they
 * changed is taken from `current`, what only the draft changed is kept, and the fields both changed to
 * different values are the conflicts, left at the draft's value for the person to resolve.
 */
export function rebaseDraft(base: CardDto, current: CardDto, draft: CardDraft): { draft: CardDraft; conflicts: DraftField[] } {
  const mine = fieldsOf(changesOf(base, draft));
  const theirs = fieldsOf(changesOf(base, draftOf(current)));
  const differ = fieldsOf(changesOf(current, draft));
  const next: CardDraft = { ...draftOf(current) };
  const conflicts: DraftField[] = [];
  for (const field of DRAFT_FIELDS) {
    if (!mine.has(field)) continue;
    (next as unknown as Record<DraftField, unknown>)[field] = draft[field];
    if (theirs.has(field) && differ.has(field)) conflicts.push(field);
  }
  return { draft: next, conflicts };
}
