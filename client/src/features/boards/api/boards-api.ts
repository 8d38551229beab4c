import type {
  CreateBoardInput,
  CreateColumnInput,
  CreateLabelInput,
  MoveCardInput,
  UpdateBoardInput,
  UpdateCardInput,
  UpdateColumnInput,
  UpdateLabelInput,
} from '@enlace/shared';
import { api, data } from '../../../api/http';

const id = (value: string) => ({ params: { path: { id: value } } });

export const fetchBoards = (workspaceId: string, signal?: AbortSignal) => data(api.GET('/api/workspaces/{id}/boards', { ...id(workspaceId), signal }));
export const fetchBoard = (boardId: string, signal?: AbortSignal) => data(api.GET('/api/boards/{id}', { ...id(boardId), signal }));
export const createCard = (boardId: string, input: { columnId: string; title: string }) =>
  data(api.POST('/api/boards/{id}/cards', { ...id(boardId), body: input }));
export const fetchArchivedCards = (boardId: string, cursor: string | undefined, signal?: AbortSignal) =>
  data(api.GET('/api/boards/{id}/archived-cards', { params: { path: { id: boardId }, query: { cursor } }, signal }));
export const updateCard = (cardId: string, input: UpdateCardInput) => data(api.PATCH('/api/cards/{id}', { ...id(cardId), body: input }));
export const moveCard = (cardId: string, input: MoveCardInput) => data(api.POST('/api/cards/{id}/move', { ...id(cardId), body: input }));
export const createBoard = (workspaceId: string, input: CreateBoardInput) =>
  data(api.POST('/api/workspaces/{id}/boards', { ...id(workspaceId), body: input }));
export const updateBoard = (boardId: string, input: UpdateBoardInput) => data(api.PATCH('/api/boards/{id}', { ...id(boardId), body: input }));
export const createColumn = (boardId: string, input: CreateColumnInput) =>
  data(api.POST('/api/boards/{id}/columns', { ...id(boardId), body: input }));
export const updateColumn = (columnId: string, input: UpdateColumnInput) => data(api.PATCH('/api/columns/{id}', { ...id(columnId), body: input }));
export const deleteColumn = (columnId: string) => data(api.DELETE('/api/columns/{id}', id(columnId)));
export const createLabel = (boardId: string, input: CreateLabelInput) => data(api.POST('/api/boards/{id}/labels', { ...id(boardId), body: input }));
export const updateLabel = (labelId: string, input: UpdateLabelInput) => data(api.PATCH('/api/labels/{id}', { ...id(labelId), body: input }));
export const deleteLabel = (labelId: string) => data(api.DELETE('/api/labels/{id}', id(labelId)));
export const fetchComments = (cardId: string, signal?: AbortSignal) => data(api.GET('/api/cards/{id}/comments', { ...id(cardId), signal }));
export const addComment = (cardId: string, body: string) => data(api.POST('/api/cards/{id}/comments', { ...id(cardId), body: { body } }));
