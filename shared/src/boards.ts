import { z } from 'zod';
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
});
export type CreateColumnInput = z.infer<typeof CreateColumnSchema>;

export const UpdateColumnSchema = z.strictObject({
  version: z.number().int().min(1),
  title: TextSchema.trim().min(1).max(120).optional(),
  /** Lowering it below the column's current count is allowed: only adding cards is refused then. */
  wipLimit: z.number().int().min(1).max(999).nullable().optional(),
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

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
}

export interface CardDto {
  id: string;
  boardId: string;
  columnId: string;
  workspaceId: string;
  title: string;
  description: string;
  position: string;
  assigneeIds: string[];
  responsibleOrganizationId: string | null;
  dueDate: string | null;
  priority: Priority;
  labelIds: string[];
  checklist: ChecklistItem[];
  commitmentId: string | null;
  archived: boolean;
  commentCount: number;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ColumnDto {
  id: string;
  boardId: string;
  title: string;
  position: string;
  wipLimit: number | null;
  version: number;
}

export interface LabelDto {
  id: string;
  boardId: string;
  name: string;
  color: string;
  version: number;
}

export interface BoardSummaryDto {
  id: string;
  workspaceId: string;
  title: string;
  version: number;
}

export interface BoardDto extends BoardSummaryDto {
  columns: ColumnDto[];
  labels: LabelDto[];
  cards: CardDto[];
}

/**
 * `GET /api/boards/:id`: the board read in one snapshot, with the workspace's event `seq` that snapshot
 * includes. Events up to `seq` are in it; a client applies only later ones, and fetches from the log
 * any it has already seen over the socket but which came after `seq`.
 */
export interface BoardSnapshotDto extends BoardDto {
  seq: number;
}

/**
 * Payload of `column.deleted` and `label.deleted` events. Deleting a label also removes its id from
 * every card of the board without changing the cards' versions and without card events: on
 * `label.deleted` a client strips the id from the `labelIds` of the cards it holds.
 */
export interface DeletedBoardItem {
  id: string;
  boardId: string;
}

export interface CommentDto {
  id: string;
  cardId: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
}
