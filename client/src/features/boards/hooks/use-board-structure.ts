import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  BoardSnapshotDto,
  BoardSummaryDto,
  ColumnDto,
  CreateColumnInput,
  CreateLabelInput,
  LabelDto,
  UpdateBoardInput,
  UpdateColumnInput,
  UpdateLabelInput,
} from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { useUserId } from '../../auth/hooks/use-user-id';
import { boardKeys } from '../api/board-keys';
import { createBoard, createColumn, createLabel, deleteColumn, deleteLabel, updateBoard, updateColumn, updateLabel } from '../api/boards-api';
import {
  applyBoardSummary,
  applyBoardToList,
  applyColumn,
  applyLabel,
  conflictCurrent,
  removeColumn,
  removeLabel,
  type BoardList,
} from '../board-cache';

/**
 * Board structure (boards, columns, labels): owners and coordinators change it. Every answer goes into
 * the cache at once, with the same functions the live events use, so the event that follows changes nothing.
 */

/** Changes the cached board `boardId`, if it is cached. */
function useBoardCache() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return (boardId: string, change: (board: BoardSnapshotDto) => BoardSnapshotDto) =>
    queryClient.setQueryData<BoardSnapshotDto>(boardKeys.detail(userId, boardId), (board) => (board ? change(board) : board));
}

/** On a 409 VERSION_CONFLICT the server's current state replaces ours; the caller shows the message and starts over from it. */
function takeCurrentOnConflict<T extends { id: string; version: number }>(apply: (current: T) => void) {
  return (error: unknown) => {
    const current = error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT' ? conflictCurrent<T>(error.details) : null;
    if (current) apply(current);
  };
}

/** A board's new title in its cached board and in its workspace's cached list. */
function useApplyBoardSummary() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const change = useBoardCache();
  return (summary: BoardSummaryDto) => {
    change(summary.id, (board) => applyBoardSummary(board, summary));
    queryClient.setQueryData<BoardList>(boardKeys.list(userId, summary.workspaceId), (list) => (list ? applyBoardToList(list, summary) : list));
  };
}

/**
 * A new board, with its default columns. Only the list takes it: the board itself is read when opened,
 * because a cached board must say which event seq it includes, and only GET /boards/:id says that.
 */
export function useCreateBoard(workspaceId: string) {
  const applySummary = useApplyBoardSummary();
  return useMutation({ mutationFn: (title: string) => createBoard(workspaceId, { title }), onSuccess: applySummary });
}

export function useRenameBoard() {
  const applySummary = useApplyBoardSummary();
  return useMutation({
    mutationFn: ({ boardId, input }: { boardId: string; input: UpdateBoardInput }) => updateBoard(boardId, input),
    onSuccess: applySummary,
    onError: takeCurrentOnConflict<BoardSummaryDto>(applySummary),
  });
}

export function useCreateColumn(boardId: string) {
  const change = useBoardCache();
  return useMutation({
    mutationFn: (input: CreateColumnInput) => createColumn(boardId, input),
    onSuccess: (column) => change(column.boardId, (board) => applyColumn(board, column)),
  });
}

/** Title, WIP limit or place (`afterColumnId`) of a column. */
export function useUpdateColumn() {
  const change = useBoardCache();
  const apply = (column: ColumnDto) => change(column.boardId, (board) => applyColumn(board, column));
  return useMutation({
    mutationFn: ({ column, input }: { column: ColumnDto; input: UpdateColumnInput }) => updateColumn(column.id, input),
    onSuccess: apply,
    onError: takeCurrentOnConflict<ColumnDto>(apply),
  });
}

/** Refused with 409 COLUMN_NOT_EMPTY (archived cards count) or LAST_COLUMN; the caller shows why. */
export function useDeleteColumn() {
  const change = useBoardCache();
  return useMutation({
    mutationFn: (column: ColumnDto) => deleteColumn(column.id),
    onSuccess: (_nothing, column) => change(column.boardId, (board) => removeColumn(board, { id: column.id, boardId: column.boardId })),
  });
}

export function useCreateLabel(boardId: string) {
  const change = useBoardCache();
  return useMutation({
    mutationFn: (input: CreateLabelInput) => createLabel(boardId, input),
    onSuccess: (label: LabelDto) => change(label.boardId, (board) => applyLabel(board, label)),
  });
}

export function useUpdateLabel() {
  const change = useBoardCache();
  const apply = (label: LabelDto) => change(label.boardId, (board) => applyLabel(board, label));
  return useMutation({
    mutationFn: ({ label, input }: { label: LabelDto; input: UpdateLabelInput }) => updateLabel(label.id, input),
    onSuccess: apply,
    onError: takeCurrentOnConflict<LabelDto>(apply),
  });
}

/** Also takes the label off every cached card that carries it, as the `label.deleted` event does. */
export function useDeleteLabel() {
  const change = useBoardCache();
  return useMutation({
    mutationFn: (label: LabelDto) => deleteLabel(label.id),
    onSuccess: (_nothing, label) => change(label.boardId, (board) => removeLabel(board, { id: label.id, boardId: label.boardId })),
  });
}
