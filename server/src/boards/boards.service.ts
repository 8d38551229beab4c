import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { BoardDto, BoardSummaryDto, ColumnDto, CreateColumnInput, CreateLabelInput, LabelDto, Page, UpdateColumnInput } from '@enlace/shared';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { AccessService } from '../common/authorization/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound } from '../common/errors/app-error.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import { mapBoard, mapColumn, mapLabel } from './boards.dto.js';
import { BoardsRepository } from './boards.repository.js';

const DEFAULT_COLUMNS = ['To do', 'In progress', 'Done'];

@Injectable()
export class BoardsService implements OnModuleInit {
  constructor(
    private readonly boards: BoardsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspacesService,
  ) {}

  /** Every new workspace comes with one board of three columns, created in the same transaction. */
  onModuleInit(): void {
    this.workspaces.onCreate((tx, workspaceId) => this.createDefaultBoard(tx, workspaceId));
  }

  private async createDefaultBoard(tx: Tx, workspaceId: string): Promise<void> {
    const positions = generateNKeysBetween(null, null, DEFAULT_COLUMNS.length);
    const board = await this.boards.insertBoard(tx.manager, workspaceId, 'Board', DEFAULT_COLUMNS.map((title, i) => ({ title, position: positions[i] })));
    const columns = await this.boards.columns(board.id, tx.manager);
    tx.record({ workspaceId, type: 'board.created', entityType: 'board', entityId: board.id, payload: { ...mapBoard(board, columns, [], []) } });
  }

  async list(auth: AuthUser, workspaceId: string): Promise<Page<BoardSummaryDto>> {
    const access = await this.access.workspace(auth, workspaceId);
    access.require('read', 'Board');
    const boards = await this.boards.boardsOf(workspaceId);
    return { items: boards.map((b) => ({ id: b.id, workspaceId: b.workspaceId, title: b.title, version: b.version })) };
  }

  async get(auth: AuthUser, boardId: string): Promise<BoardDto> {
    const board = await this.boards.findBoard(boardId);
    if (!board) throw notFound('Board');
    const access = await this.access.workspace(auth, board.workspaceId);
    access.require('read', 'Board');
    const [columns, labels, cards] = await Promise.all([this.boards.columns(boardId), this.boards.labels(boardId), this.boards.cards(boardId)]);
    return mapBoard(board, columns, labels, cards);
  }

  async createColumn(auth: AuthUser, boardId: string, input: CreateColumnInput): Promise<ColumnDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const board = await this.boards.findBoard(boardId, tx.manager);
      if (!board) throw notFound('Board');
      (await this.access.workspace(auth, board.workspaceId, tx.manager)).require('update', 'Board');
      const columns = await this.boards.columns(boardId, tx.manager);
      const position = generateKeyBetween(columns.at(-1)?.position ?? null, null);
      const column = mapColumn(await this.boards.insertColumn(tx.manager, { boardId, title: input.title, position, wipLimit: input.wipLimit ?? null }));
      tx.record({ workspaceId: board.workspaceId, type: 'column.created', entityType: 'column', entityId: column.id, payload: column });
      return column;
    });
  }

  async updateColumn(auth: AuthUser, columnId: string, input: UpdateColumnInput): Promise<ColumnDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const column = await this.boards.findColumn(columnId, tx.manager);
      const board = column ? await this.boards.findBoard(column.boardId, tx.manager) : null;
      if (!column || !board) throw notFound('Column');
      (await this.access.workspace(auth, board.workspaceId, tx.manager)).require('update', 'Board');
      const changes = {
        ...(input.title !== undefined && input.title !== column.title && { title: input.title }),
        ...(input.wipLimit !== undefined && input.wipLimit !== column.wipLimit && { wipLimit: input.wipLimit }),
      };
      if (input.version !== column.version) throw new AppError('VERSION_CONFLICT', 'Someone else changed this column', { current: mapColumn(column) });
      if (Object.keys(changes).length === 0) return mapColumn(column);
      const updated = await this.boards.updateColumn(tx.manager, columnId, input.version, changes);
      if (!updated) throw new AppError('VERSION_CONFLICT', 'Someone else changed this column', { current: mapColumn((await this.boards.findColumn(columnId, tx.manager))!) });
      const dto = mapColumn(updated);
      tx.record({ workspaceId: board.workspaceId, type: 'column.updated', entityType: 'column', entityId: columnId, payload: dto });
      return dto;
    });
  }

  async createLabel(auth: AuthUser, boardId: string, input: CreateLabelInput): Promise<LabelDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const board = await this.boards.findBoard(boardId, tx.manager);
      if (!board) throw notFound('Board');
      (await this.access.workspace(auth, board.workspaceId, tx.manager)).require('update', 'Board');
      const label = mapLabel(await this.boards.insertLabel(tx.manager, { boardId, ...input }));
      tx.record({ workspaceId: board.workspaceId, type: 'label.created', entityType: 'label', entityId: label.id, payload: label });
      return label;
    });
  }
}
