import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type BoardDto, BoardSchema, type BoardSnapshotDto, BoardSnapshotSchema, type BoardSummaryDto, BoardSummaryPageSchema, BoardSummarySchema, type CardDto, CardPageSchema, CardSchema, type ColumnDto, ColumnSchema, type CommentDto, CommentPageSchema, CommentSchema, type LabelDto, LabelSchema, type Locale, type Page } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import type { JsonStream } from '../common/json-stream.js';
import { PageQueryDto } from '../common/validation/page-query.dto.js';
import { IdParam } from '../common/validation/params.js';
import {
  CreateBoardDto,
  CreateCardDto,
  CreateColumnDto,
  CreateCommentDto,
  CreateLabelDto,
  MoveCardDto,
  UpdateBoardDto,
  UpdateCardDto,
  UpdateColumnDto,
  UpdateLabelDto,
} from './boards.dto.js';
import { BoardsService } from './boards.service.js';
import { CardsService } from './cards.service.js';
import { ColumnsService } from './columns.service.js';
import { LabelsService } from './labels.service.js';

@ApiTags('boards')
@Controller()
export class BoardsController {
  constructor(
    private readonly boards: BoardsService,
    private readonly columns: ColumnsService,
    private readonly labels: LabelsService,
    private readonly cards: CardsService,
  ) {}

  @ApiEndpoint({ id: 'listBoards', summary: 'The boards of a workspace', response: BoardSummaryPageSchema, errors: ['FORBIDDEN'] })
  @Get('workspaces/:id/boards')
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<BoardSummaryDto>> {
    return this.boards.list(auth, id);
  }

  @ApiEndpoint({ id: 'createBoard', summary: 'Create a board with default columns', description: 'Its columns are named in the language of Accept-Language.', response: BoardSchema, errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Post('workspaces/:id/boards')
  create(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateBoardDto, @RequestLocale() locale: Locale): Promise<BoardDto> {
    return this.boards.create(auth, id, dto, locale);
  }

  @ApiEndpoint({ id: 'getBoard', summary: 'A board with its columns, labels and cards, and the event seq it includes', response: BoardSnapshotSchema, errors: ['FORBIDDEN'] })
  @Get('boards/:id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<JsonStream<BoardSnapshotDto>> {
    return this.boards.get(auth, id);
  }

  @ApiEndpoint({ id: 'updateBoard', summary: 'Rename a board', response: BoardSummarySchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch('boards/:id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateBoardDto): Promise<BoardSummaryDto> {
    return this.boards.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'createColumn', summary: 'Add a column at the end of a board', response: ColumnSchema, errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Post('boards/:id/columns')
  createColumn(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateColumnDto): Promise<ColumnDto> {
    return this.columns.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'updateColumn', summary: 'Rename, limit or reorder a column', response: ColumnSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch('columns/:id')
  updateColumn(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateColumnDto): Promise<ColumnDto> {
    return this.columns.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'deleteColumn', summary: 'Delete an empty column', errors: ['FORBIDDEN', 'COLUMN_NOT_EMPTY', 'LAST_COLUMN', 'WORKSPACE_ARCHIVED'] })
  @Delete('columns/:id')
  @HttpCode(204)
  deleteColumn(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.columns.remove(auth, id);
  }

  @ApiEndpoint({ id: 'createLabel', summary: 'Add a label to a board', response: LabelSchema, errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Post('boards/:id/labels')
  createLabel(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateLabelDto): Promise<LabelDto> {
    return this.labels.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'updateLabel', summary: 'Rename or recolour a label', response: LabelSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch('labels/:id')
  updateLabel(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateLabelDto): Promise<LabelDto> {
    return this.labels.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'deleteLabel', summary: 'Delete a label, removing it from every card of its board', errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Delete('labels/:id')
  @HttpCode(204)
  deleteLabel(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.labels.remove(auth, id);
  }

  @ApiEndpoint({ id: 'createCard', summary: 'Create a card in a column', response: CardSchema, errors: ['FORBIDDEN', 'WIP_LIMIT_REACHED', 'WORKSPACE_ARCHIVED'] })
  @Post('boards/:id/cards')
  createCard(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateCardDto): Promise<CardDto> {
    return this.cards.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listArchivedCards', summary: 'A page of a board’s archived cards', response: CardPageSchema, errors: ['FORBIDDEN'] })
  @Get('boards/:id/archived-cards')
  archivedCards(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<CardDto>> {
    return this.cards.archived(auth, id, query.limit, query.cursor);
  }

  @ApiEndpoint({ id: 'updateCard', summary: 'Edit, archive or restore a card', response: CardSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WIP_LIMIT_REACHED', 'WORKSPACE_ARCHIVED'] })
  @Patch('cards/:id')
  updateCard(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateCardDto): Promise<CardDto> {
    return this.cards.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'moveCard', summary: 'Move a card to a column and position', response: CardSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WIP_LIMIT_REACHED', 'WORKSPACE_ARCHIVED'] })
  @Post('cards/:id/move')
  @HttpCode(200)
  moveCard(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: MoveCardDto): Promise<CardDto> {
    return this.cards.move(auth, id, dto);
  }

  @ApiEndpoint({ id: 'deleteCard', summary: 'Delete a card', errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Delete('cards/:id')
  @HttpCode(204)
  deleteCard(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.cards.remove(auth, id);
  }

  @ApiEndpoint({ id: 'listComments', summary: 'The comments of a card, oldest first', response: CommentPageSchema, errors: ['FORBIDDEN'] })
  @Get('cards/:id/comments')
  comments(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<CommentDto>> {
    return this.cards.comments(auth, id);
  }

  @ApiEndpoint({ id: 'addComment', summary: 'Comment on a card, mentioning members', response: CommentSchema, errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Post('cards/:id/comments')
  comment(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateCommentDto): Promise<CommentDto> {
    return this.cards.comment(auth, id, dto);
  }
}
