import {
  CreateBoardSchema,
  CreateCardSchema,
  CreateColumnSchema,
  CreateCommentSchema,
  CreateLabelSchema,
  MoveCardSchema,
  UpdateBoardSchema,
  UpdateCardSchema,
  UpdateColumnSchema,
  UpdateLabelSchema,
  type BoardDto,
  type BoardSnapshotDto,
  type BoardSummaryDto,
  type CardDto,
  type ColumnDto,
  type CommentDto,
  type LabelDto,
} from '@enlace/shared';
import { JsonStream } from '../common/json-stream.js';
import { zodDto } from '../common/validation/zod-dto.js';
import type { BoardEntity, ColumnEntity, CommentEntity, LabelEntity } from './board.entities.js';

export class CreateBoardDto extends zodDto('CreateBoardDto', CreateBoardSchema) {}
export class UpdateBoardDto extends zodDto('UpdateBoardDto', UpdateBoardSchema) {}
export class CreateCardDto extends zodDto('CreateCardDto', CreateCardSchema) {}
export class UpdateCardDto extends zodDto('UpdateCardDto', UpdateCardSchema) {}
export class MoveCardDto extends zodDto('MoveCardDto', MoveCardSchema) {}
export class CreateCommentDto extends zodDto('CreateCommentDto', CreateCommentSchema) {}
export class CreateColumnDto extends zodDto('CreateColumnDto', CreateColumnSchema) {}
export class UpdateColumnDto extends zodDto('UpdateColumnDto', UpdateColumnSchema) {}
export class CreateLabelDto extends zodDto('CreateLabelDto', CreateLabelSchema) {}
export class UpdateLabelDto extends zodDto('UpdateLabelDto', UpdateLabelSchema) {}

export const mapColumn = (column: ColumnEntity): ColumnDto => ({
  id: column.id,
  boardId: column.boardId,
  title: column.title,
  position: column.position,
  wipLimit: column.wipLimit,
  done: column.done,
  version: column.version,
});

export const mapLabel = (label: LabelEntity): LabelDto => ({ id: label.id, boardId: label.boardId, name: label.name, color: label.color, version: label.version });

export const mapComment = (comment: CommentEntity): CommentDto => ({
  id: comment.id,
  cardId: comment.cardId,
  authorId: comment.authorId,
  body: comment.body,
  mentions: comment.mentions,
  createdAt: comment.createdAt.toISOString(),
});

export const mapBoardSummary = (board: BoardEntity): BoardSummaryDto => ({ id: board.id, workspaceId: board.workspaceId, title: board.title, version: board.version });

export function mapBoard(board: BoardEntity, columns: ColumnEntity[], labels: LabelEntity[], cards: CardDto[]): BoardDto {
  return {
    ...mapBoardSummary(board),
    columns: columns.map(mapColumn),
    labels: labels.map(mapLabel),
    cards,
  };
}

/**
 * A board snapshot as a stream whose cards are still to come: `{…,"cards":[` goes out now, the cards
 * (already serialised by PostgreSQL, see CardsRepository.streamCards) follow, and `]}` closes it.
 */
export function boardSnapshotStream(board: BoardEntity, columns: ColumnEntity[], labels: LabelEntity[], seq: number): JsonStream<BoardSnapshotDto> {
  const head = JSON.stringify({ ...mapBoardSummary(board), columns: columns.map(mapColumn), labels: labels.map(mapLabel), seq, cards: [] });
  const stream = new JsonStream<BoardSnapshotDto>();
  stream.push(head.slice(0, -2));
  return stream;
}
