import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { CalendarDateSchema, TextSchema } from './fields.js';

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const checklistItem = z.strictObject({ id: z.uuid(), text: TextSchema.trim().min(1).max(500), done: z.boolean() });

const cardFields = {
  title: TextSchema.trim().min(1).max(300),
  description: TextSchema.max(20_000),
  assigneeIds: z.array(z.uuid()).max(20),
  responsibleOrganizationId: z.uuid().nullable(),
  dueDate: CalendarDateSchema.nullable(),
  priority: z.enum(PRIORITIES),
  labelIds: z.array(z.uuid()).max(20),
  checklist: z.array(checklistItem).max(100),
  commitmentId: z.uuid().nullable(),
};

export const CreateCardSchema = z.strictObject({
  columnId: z.uuid(),
  title: cardFields.title,
  description: cardFields.description.optional(),
  assigneeIds: cardFields.assigneeIds.optional(),
  responsibleOrganizationId: cardFields.responsibleOrganizationId.optional(),
  dueDate: cardFields.dueDate.optional(),
  priority: cardFields.priority.optional(),
  labelIds: cardFields.labelIds.optional(),
  checklist: cardFields.checklist.optional(),
  /** Place the new card after this one; omitted: at the end of the column. */
  afterCardId: z.uuid().nullable().optional(),
});
export type CreateCardInput = z.infer<typeof CreateCardSchema>;

export const UpdateCardSchema = z.strictObject({
  version: z.number().int().min(1),
  title: cardFields.title.optional(),
  description: cardFields.description.optional(),
  assigneeIds: cardFields.assigneeIds.optional(),
  responsibleOrganizationId: cardFields.responsibleOrganizationId.optional(),
  dueDate: cardFields.dueDate.optional(),
  priority: cardFields.priority.optional(),
  labelIds: cardFields.labelIds.optional(),
  checklist: cardFields.checklist.optional(),
  /** Link to a commitment of the agreement this card's workspace is; null unlinks. */
  commitmentId: cardFields.commitmentId.optional(),
  archived: z.boolean().optional(),
});
export type UpdateCardInput = z.infer<typeof UpdateCardSchema>;

export const MoveCardSchema = z.strictObject({
  version: z.number().int().min(1),
  columnId: z.uuid(),
  /** The card to follow; null or omitted: the top of the column. */
  afterCardId: z.uuid().nullable().optional(),
});
export type MoveCardInput = z.infer<typeof MoveCardSchema>;

export const CreateCommentSchema = z.strictObject({ body: TextSchema.trim().min(1).max(10_000) });
export type CreateCommentInput = z.infer<typeof CreateCommentSchema>;

export const CreateColumnSchema = z.strictObject({
  title: TextSchema.trim().min(1).max(120),
  wipLimit: z.number().int().min(1).max(999).nullable().optional(),
  done: z.boolean().optional(),
});
export type CreateColumnInput = z.infer<typeof CreateColumnSchema>;

export const UpdateColumnSchema = z.strictObject({
  version: z.number().int().min(1),
  title: TextSchema.trim().min(1).max(120).optional(),
  /** Lowering it below the column's current count is allowed: only adding cards is refused then. */
  wipLimit: z.number().int().min(1).max(999).nullable().optional(),
  /** Cards in a "done" column count as done for their commitments; no commitment's status changes by itself. */
  done: z.boolean().optional(),
  /** Reorder: place the column after this one; null: first on the board; omitted: where it is. */
  afterColumnId: z.uuid().nullable().optional(),
});
export type UpdateColumnInput = z.infer<typeof UpdateColumnSchema>;

const labelName = TextSchema.trim().min(1).max(60);
const labelColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const CreateLabelSchema = z.strictObject({ name: labelName, color: labelColor });
export type CreateLabelInput = z.infer<typeof CreateLabelSchema>;

export const UpdateLabelSchema = z
  .strictObject({ version: z.number().int().min(1), name: labelName.optional(), color: labelColor.optional() })
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: 'Nothing to change' });
export type UpdateLabelInput = z.infer<typeof UpdateLabelSchema>;

const boardTitle = TextSchema.trim().min(1).max(120);

export const CreateBoardSchema = z.strictObject({ title: boardTitle });
export type CreateBoardInput = z.infer<typeof CreateBoardSchema>;

export const UpdateBoardSchema = z.strictObject({ version: z.number().int().min(1), title: boardTitle });
export type UpdateBoardInput = z.infer<typeof UpdateBoardSchema>;

export const ChecklistItemSchema = named('ChecklistItem', z.object({ id: z.uuid(), text: z.string(), done: z.boolean() }));
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const CardSchema = named(
  'CardDto',
  z.object({
    id: z.uuid(),
    boardId: z.uuid(),
    columnId: z.uuid(),
    workspaceId: z.uuid(),
    title: z.string(),
    description: z.string(),
    /** Fractional index: cards of a column sort by it as plain strings. */
    position: z.string(),
    assigneeIds: z.array(z.uuid()),
    responsibleOrganizationId: z.uuid().nullable(),
    dueDate: z.string().nullable(),
    priority: z.enum(PRIORITIES),
    labelIds: z.array(z.uuid()),
    checklist: z.array(ChecklistItemSchema),
    commitmentId: z.uuid().nullable(),
    archived: z.boolean(),
    commentCount: z.number().int(),
    version: z.number().int(),
    createdBy: z.uuid(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type CardDto = z.infer<typeof CardSchema>;

export const ColumnSchema = named(
  'ColumnDto',
  z.object({
    id: z.uuid(),
    boardId: z.uuid(),
    title: z.string(),
    position: z.string(),
    wipLimit: z.number().int().nullable(),
    /** Marked "done" by the board's owners: its cards count as done for the commitments they are linked to. */
    done: z.boolean(),
    version: z.number().int(),
  }),
);
export type ColumnDto = z.infer<typeof ColumnSchema>;

export const LabelSchema = named(
  'LabelDto',
  z.object({ id: z.uuid(), boardId: z.uuid(), name: z.string(), color: z.string(), version: z.number().int() }),
);
export type LabelDto = z.infer<typeof LabelSchema>;

export const BoardSummarySchema = named(
  'BoardSummaryDto',
  z.object({ id: z.uuid(), workspaceId: z.uuid(), title: z.string(), version: z.number().int() }),
);
export type BoardSummaryDto = z.infer<typeof BoardSummarySchema>;

export const BoardSchema = named(
  'BoardDto',
  BoardSummarySchema.extend({ columns: z.array(ColumnSchema), labels: z.array(LabelSchema), cards: z.array(CardSchema) }),
);
export type BoardDto = z.infer<typeof BoardSchema>;

/**
 * `GET /api/boards/:id`: the board read in one snapshot, with the workspace's event `seq` that snapshot
 * includes. Events up to `seq` are in it; a client applies only later ones, and fetches from the log
 * any it has already seen over the socket but which came after `seq`.
 */
export const BoardSnapshotSchema = named('BoardSnapshotDto', BoardSchema.extend({ seq: z.number().int() }));
export type BoardSnapshotDto = z.infer<typeof BoardSnapshotSchema>;

/**
 * Payload of `column.deleted` and `label.deleted` events. Deleting a label also removes its id from
 * every card of the board without changing the cards' versions and without card events: on
 * `label.deleted` a client strips the id from the `labelIds` of the cards it holds.
 */
export interface DeletedBoardItem {
  id: string;
  boardId: string;
}

export const CommentSchema = named(
  'CommentDto',
  z.object({ id: z.uuid(), cardId: z.uuid(), authorId: z.uuid(), body: z.string(), mentions: z.array(z.uuid()), createdAt: Timestamp }),
);
export type CommentDto = z.infer<typeof CommentSchema>;

export const BoardSummaryPageSchema = pageOf('BoardSummaryPage', BoardSummarySchema);
export const CardPageSchema = pageOf('CardPage', CardSchema);
export const CommentPageSchema = pageOf('CommentPage', CommentSchema);
