import type {
  BoardDto,
  BoardSnapshotDto,
  BoardSummaryDto,
  CardDto,
  ColumnDto,
  CommentDto,
  CreateBoardInput,
  CreateColumnInput,
  CreateLabelInput,
  LabelDto,
  MoveCardInput,
  Page,
  UpdateBoardInput,
  UpdateCardInput,
  UpdateColumnInput,
  UpdateLabelInput,
} from '@enlace/shared';
import { http } from '../../../api/http';

const enc = encodeURIComponent;

export const fetchBoards = (workspaceId: string, signal?: AbortSignal) =>
  http.get<{ items: BoardSummaryDto[] }>(`/workspaces/${enc(workspaceId)}/boards`, { signal });
export const fetchBoard = (boardId: string, signal?: AbortSignal) => http.get<BoardSnapshotDto>(`/boards/${enc(boardId)}`, { signal });
export const createCard = (boardId: string, input: { columnId: string; title: string }) =>
  http.post<CardDto>(`/boards/${enc(boardId)}/cards`, input);
export const fetchArchivedCards = (boardId: string, cursor: string | undefined, signal?: AbortSignal) => {
  const params = new URLSearchParams(cursor ? { cursor } : {});
  return http.get<Page<CardDto>>(`/boards/${enc(boardId)}/archived-cards?${params.toString()}`, { signal });
};
export const updateCard = (cardId: string, input: UpdateCardInput) => http.patch<CardDto>(`/cards/${enc(cardId)}`, input);
export const moveCard = (cardId: string, input: MoveCardInput) => http.post<CardDto>(`/cards/${enc(cardId)}/move`, input);
export const createBoard = (workspaceId: string, input: CreateBoardInput) => http.post<BoardDto>(`/workspaces/${enc(workspaceId)}/boards`, input);
export const updateBoard = (boardId: string, input: UpdateBoardInput) => http.patch<BoardSummaryDto>(`/boards/${enc(boardId)}`, input);
export const createColumn = (boardId: string, input: CreateColumnInput) => http.post<ColumnDto>(`/boards/${enc(boardId)}/columns`, input);
export const updateColumn = (columnId: string, input: UpdateColumnInput) => http.patch<ColumnDto>(`/columns/${enc(columnId)}`, input);
export const deleteColumn = (columnId: string) => http.delete(`/columns/${enc(columnId)}`);
export const createLabel = (boardId: string, input: CreateLabelInput) => http.post<LabelDto>(`/boards/${enc(boardId)}/labels`, input);
export const updateLabel = (labelId: string, input: UpdateLabelInput) => http.patch<LabelDto>(`/labels/${enc(labelId)}`, input);
export const deleteLabel = (labelId: string) => http.delete(`/labels/${enc(labelId)}`);
export const fetchComments = (cardId: string, signal?: AbortSignal) =>
  http.get<{ items: CommentDto[] }>(`/cards/${enc(cardId)}/comments`, { signal });
export const addComment = (cardId: string, body: string) => http.post<CommentDto>(`/cards/${enc(cardId)}/comments`, { body });

