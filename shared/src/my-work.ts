import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { PRIORITIES } from './boards.js';

/**
 * A card assigned to the caller, on their start page (`GET /api/me/cards`): enough to see what it is, where
 * it stands and when it is due, with the ids to open it on its board.
 */
export const AssignedCardSchema = named(
  'AssignedCardDto',
  z.object({
    id: z.uuid(),
    title: z.string(),
    workspaceId: z.uuid(),
    workspaceTitle: z.string(),
    boardId: z.uuid(),
    columnTitle: z.string(),
    dueDate: z.string().nullable(),
    priority: z.enum(PRIORITIES),
    updatedAt: Timestamp,
  }),
);
export type AssignedCardDto = z.infer<typeof AssignedCardSchema>;
export const AssignedCardPageSchema = pageOf('AssignedCardPage', AssignedCardSchema);

/** The start page shows the first ones: the soonest due first, then the most recently changed. */
export const ASSIGNED_CARDS_LIMIT = 50;
