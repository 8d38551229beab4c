import { Injectable } from '@nestjs/common';
import type { ColumnDto, CreateColumnInput, DeletedBoardItem, UpdateColumnInput } from '@enlace/shared';
import { generateKeyBetween } from 'fractional-indexing';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import type { BoardEntity, ColumnEntity } from './board.entities.js';
import { mapColumn } from './boards.dto.js';
import { BoardStructureRepository } from './board-structure.repository.js';

/** A board's columns: adding, renaming, limiting, reordering and deleting them (owners and coordinators). */
@Injectable()
export class ColumnsService {
  constructor(
    private readonly boards: BoardStructureRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(auth: AuthUser, boardId: string, input: CreateColumnInput): Promise<ColumnDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const board = await this.boards.findBoard(boardId, tx.manager);
      if (!board) throw notFound('Board');
      (await this.access.workspace(auth, board.workspaceId, tx.manager)).require('update', 'Board');
      await this.boards.lockBoard(tx.manager, boardId);
      const columns = await this.boards.columns(boardId, tx.manager);
      const position = generateKeyBetween(columns.at(-1)?.position ?? null, null);
      const column = mapColumn(await this.boards.insertColumn(tx.manager, { boardId, title: input.title, position, wipLimit: input.wipLimit ?? null, done: input.done ?? false }));
      tx.record({ workspaceId: board.workspaceId, type: 'column.created', entityId: column.id, payload: column });
      return column;
    });
  }

  /** Title, WIP limit, the "done" flag and place on the board; `column.updated` carries the whole new state, position included. */
  async update(auth: AuthUser, columnId: string, input: UpdateColumnInput): Promise<ColumnDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { column, board } = await this.columnWithAccess(auth, columnId, tx.manager);
      if (input.version !== column.version) throw versionConflict('column', mapColumn(column));
      const position = input.afterColumnId === undefined ? undefined : await this.reorderedPosition(tx.manager, board, column, input.afterColumnId);
      const changes = {
        ...(input.title !== undefined && input.title !== column.title && { title: input.title }),
        ...(input.wipLimit !== undefined && input.wipLimit !== column.wipLimit && { wipLimit: input.wipLimit }),
        ...(input.done !== undefined && input.done !== column.done && { done: input.done }),
        ...(position !== undefined && { position }),
      };
      if (Object.keys(changes).length === 0) return mapColumn(column);
      const updated = await this.boards.updateColumn(tx.manager, columnId, input.version, changes);
      if (!updated) throw versionConflict('column', mapColumn((await this.boards.findColumn(columnId, tx.manager))!));
      const dto = mapColumn(updated);
      tx.record({ workspaceId: board.workspaceId, type: 'column.updated', entityId: columnId, payload: dto });
      return dto;
    });
  }

  /** Only an empty column goes, and never the board's last one: cards always have somewhere to be. */
  async remove(auth: AuthUser, columnId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      const { board } = await this.columnWithAccess(auth, columnId, tx.manager);
      // Board first (another deletion waits here), then the column: that lock also waits for any card
      // being written into it, so the emptiness check below sees that card.
      await this.boards.lockBoard(tx.manager, board.id);
      if (!(await this.boards.lockColumn(tx.manager, columnId))) throw notFound('Column');
      const columns = await this.boards.columns(board.id, tx.manager);
      if (columns.length <= 1) throw new AppError('LAST_COLUMN', 'A board keeps at least one column');
      if (await this.boards.hasCards(tx.manager, columnId)) throw new AppError('COLUMN_NOT_EMPTY', 'Move or delete this column’s cards (archived ones too) first');
      await this.boards.deleteColumn(tx.manager, columnId);
      const payload: DeletedBoardItem = { id: columnId, boardId: board.id };
      tx.record({ workspaceId: board.workspaceId, type: 'column.deleted', entityId: columnId, payload });
    });
  }

  /**
   * The fractional key that puts `column` right after `afterColumnId` (null: first), computed under the
   * board lock so that two reorders cannot pick the same key. Undefined when it is already there.
   */
  private async reorderedPosition(manager: EntityManager, board: BoardEntity, column: ColumnEntity, afterColumnId: string | null): Promise<string | undefined> {
    await this.boards.lockBoard(manager, board.id);
    const columns = await this.boards.columns(board.id, manager);
    const here = columns.findIndex((c) => c.id === column.id);
    const others = columns.filter((c) => c.id !== column.id);
    const index = afterColumnId === null ? 0 : others.findIndex((c) => c.id === afterColumnId) + 1;
    if (index === 0 && afterColumnId !== null) throw notFound('Column to place after');
    if (index === here) return undefined;
    return generateKeyBetween(others[index - 1]?.position ?? null, others[index]?.position ?? null);
  }

  private async columnWithAccess(auth: AuthUser, columnId: string, manager: EntityManager): Promise<{ column: ColumnEntity; board: BoardEntity }> {
    const column = await this.boards.findColumn(columnId, manager);
    const board = column ? await this.boards.findBoard(column.boardId, manager) : null;
    if (!column || !board) throw notFound('Column');
    (await this.access.workspace(auth, board.workspaceId, manager)).require('update', 'Board');
    return { column, board };
  }
}
