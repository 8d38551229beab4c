import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { BoardDto, BoardSnapshotDto, BoardSummaryDto, CreateBoardInput, Locale, Page, UpdateBoardInput } from '@enlace/shared';
import { generateNKeysBetween } from 'fractional-indexing';
import { DataSource } from 'typeorm';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { notFound, versionConflict } from '../common/errors/app-error.js';
import type { JsonStream } from '../common/json-stream.js';
import { EventsRepository } from '../events/events.repository.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { WorkspaceHooks } from '../workspaces/workspace-hooks.js';
import { boardSnapshotStream, mapBoard, mapBoardSummary } from './boards.dto.js';
import { BoardStructureRepository } from './board-structure.repository.js';
import { CardsRepository } from './cards.repository.js';
import { DEFAULT_BOARD } from './default-board.js';

/** Boards themselves: reading, creating and renaming. Columns and labels have their own services. */
@Injectable()
export class BoardsService implements OnModuleInit {
  constructor(
    private readonly boards: BoardStructureRepository,
    private readonly cards: CardsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly hooks: WorkspaceHooks,
    private readonly events: EventsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** Every new workspace comes with one board of three columns, created in the same transaction. */
  onModuleInit(): void {
    this.hooks.onCreate(async ({ tx, workspace, locale }) => {
      await this.insertWithDefaultColumns(tx, workspace.id, DEFAULT_BOARD[locale].title, locale);
    });
  }

  async list(auth: AuthUser, workspaceId: string): Promise<Page<BoardSummaryDto>> {
    const access = await this.access.workspace(auth, workspaceId);
    access.require('read', 'Board');
    const boards = await this.boards.boardsOf(workspaceId);
    return { items: boards.map(mapBoardSummary) };
  }

  /**
   * One REPEATABLE READ snapshot: columns, labels, cards and the event seq they include agree with each
   * other. Resolves once the board is found and readable, so a refusal is still a clean 4xx; the cards
   * then stream out as PostgreSQL produces them, and a failure past that point aborts the response.
   */
  get(auth: AuthUser, boardId: string): Promise<JsonStream<BoardSnapshotDto>> {
    return new Promise((resolve, reject) => {
      let body: JsonStream<BoardSnapshotDto> | undefined;
      this.dataSource
        .transaction('REPEATABLE READ', async (manager) => {
          const board = await this.boards.findBoard(boardId, manager);
          if (!board) throw notFound('Board');
          (await this.access.workspace(auth, board.workspaceId, manager)).require('read', 'Board');
          const columns = await this.boards.columns(boardId, manager);
          const labels = await this.boards.labels(boardId, manager);
          const { seq } = await this.events.head(board.workspaceId, manager);
          const stream = (body = boardSnapshotStream(board, columns, labels, seq));
          resolve(stream);
          let first = true;
          await this.cards.streamCards(boardId, manager, (piece) => {
            stream.push(first ? piece : `,${piece}`);
            first = false;
          });
          stream.push(']}');
          stream.end();
        })
        .catch((error: Error) => (body ? body.fail(error) : reject(error)));
    });
  }

  async create(auth: AuthUser, workspaceId: string, input: CreateBoardInput, locale: Locale): Promise<BoardDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      // Adding a board is editing the workspace's board structure: the same right as columns and labels.
      (await this.access.workspace(auth, workspaceId, tx.manager)).require('update', 'Board');
      return this.insertWithDefaultColumns(tx, workspaceId, input.title, locale);
    });
  }

  async update(auth: AuthUser, boardId: string, input: UpdateBoardInput): Promise<BoardSummaryDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const board = await this.boards.findBoard(boardId, tx.manager);
      if (!board) throw notFound('Board');
      (await this.access.workspace(auth, board.workspaceId, tx.manager)).require('update', 'Board');
      if (input.version !== board.version) throw versionConflict('board', mapBoardSummary(board));
      if (input.title === board.title) return mapBoardSummary(board);
      const updated = await this.boards.updateBoard(tx.manager, boardId, input.version, { title: input.title });
      if (!updated) throw versionConflict('board', mapBoardSummary((await this.boards.findBoard(boardId, tx.manager))!));
      const dto = mapBoardSummary(updated);
      tx.record({ workspaceId: board.workspaceId, type: 'board.updated', entityId: boardId, payload: dto });
      return dto;
    });
  }

  private async insertWithDefaultColumns(tx: Tx, workspaceId: string, title: string, locale: Locale): Promise<BoardDto> {
    const { columns } = DEFAULT_BOARD[locale];
    const positions = generateNKeysBetween(null, null, columns.length);
    const board = await this.boards.insertBoard(tx.manager, workspaceId, title, columns.map((column, i) => ({ title: column, position: positions[i] })));
    const dto = mapBoard(board, await this.boards.columns(board.id, tx.manager), [], []);
    tx.record({ workspaceId, type: 'board.created', entityId: board.id, payload: dto });
    return dto;
  }
}
