import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BoardDto, BoardSnapshotDto, BoardSummaryDto, CardDto, ColumnDto, CommentDto, LabelDto, Locale, Page } from '@enlace/shared';
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
@ApiBearerAuth()
@Controller()
export class BoardsController {
  constructor(
    private readonly boards: BoardsService,
    private readonly columns: ColumnsService,
    private readonly labels: LabelsService,
    private readonly cards: CardsService,
  ) {}

  @Get('workspaces/:id/boards')
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<BoardSummaryDto>> {
    return this.boards.list(auth, id);
  }

  @Post('workspaces/:id/boards')
  create(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateBoardDto, @RequestLocale() locale: Locale): Promise<BoardDto> {
    return this.boards.create(auth, id, dto, locale);
  }

  @Get('boards/:id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<JsonStream<BoardSnapshotDto>> {
    return this.boards.get(auth, id);
  }

  @Patch('boards/:id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateBoardDto): Promise<BoardSummaryDto> {
    return this.boards.update(auth, id, dto);
  }

  @Post('boards/:id/columns')
  createColumn(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateColumnDto): Promise<ColumnDto> {
    return this.columns.create(auth, id, dto);
  }

  @Patch('columns/:id')
  updateColumn(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateColumnDto): Promise<ColumnDto> {
    return this.columns.update(auth, id, dto);
  }

  @Delete('columns/:id')
  @HttpCode(204)
  deleteColumn(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.columns.remove(auth, id);
  }

  @Post('boards/:id/labels')
  createLabel(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateLabelDto): Promise<LabelDto> {
    return this.labels.create(auth, id, dto);
  }

  @Patch('labels/:id')
  updateLabel(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateLabelDto): Promise<LabelDto> {
    return this.labels.update(auth, id, dto);
  }

  @Delete('labels/:id')
  @HttpCode(204)
  deleteLabel(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.labels.remove(auth, id);
  }

  @Post('boards/:id/cards')
  createCard(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateCardDto): Promise<CardDto> {
    return this.cards.create(auth, id, dto);
  }

  @Get('boards/:id/archived-cards')
  archivedCards(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<CardDto>> {
    return this.cards.archived(auth, id, query.limit, query.cursor);
  }

  @Patch('cards/:id')
  updateCard(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateCardDto): Promise<CardDto> {
    return this.cards.update(auth, id, dto);
  }

  @Post('cards/:id/move')
  @HttpCode(200)
  moveCard(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: MoveCardDto): Promise<CardDto> {
    return this.cards.move(auth, id, dto);
  }

  @Delete('cards/:id')
  @HttpCode(204)
  deleteCard(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.cards.remove(auth, id);
  }

  @Get('cards/:id/comments')
  comments(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<CommentDto>> {
    return this.cards.comments(auth, id);
  }

  @Post('cards/:id/comments')
  comment(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateCommentDto): Promise<CommentDto> {
    return this.cards.comment(auth, id, dto);
  }
}
