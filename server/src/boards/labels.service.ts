import { Injectable } from '@nestjs/common';
import type { CreateLabelInput, DeletedBoardItem, LabelDto, UpdateLabelInput } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import type { BoardEntity, LabelEntity } from './board.entities.js';
import { mapLabel } from './boards.dto.js';
import { BoardStructureRepository } from './board-structure.repository.js';

/** A board's labels: owners and coordinators define them, anyone who edits cards puts them on cards. */
@Injectable()
export class LabelsService {
  constructor(
    private readonly boards: BoardStructureRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(auth: AuthUser, boardId: string, input: CreateLabelInput): Promise<LabelDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const board = await this.boards.findBoard(boardId, tx.manager);
      if (!board) throw notFound('Board');
      (await this.access.workspace(auth, board.workspaceId, tx.manager)).require('update', 'Board');
      const label = mapLabel(await this.boards.insertLabel(tx.manager, { boardId, ...input }));
      tx.record({ workspaceId: board.workspaceId, type: 'label.created', entityId: label.id, payload: label });
      return label;
    });
  }

  async update(auth: AuthUser, labelId: string, input: UpdateLabelInput): Promise<LabelDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { label, board } = await this.labelWithAccess(auth, labelId, tx.manager);
      if (input.version !== label.version) throw versionConflict('label', mapLabel(label));
      const changes = {
        ...(input.name !== undefined && input.name !== label.name && { name: input.name }),
        ...(input.color !== undefined && input.color !== label.color && { color: input.color }),
      };
      if (Object.keys(changes).length === 0) return mapLabel(label);
      const updated = await this.boards.updateLabel(tx.manager, labelId, input.version, changes);
      if (!updated) throw versionConflict('label', mapLabel((await this.boards.findLabel(labelId, tx.manager))!));
      const dto = mapLabel(updated);
      tx.record({ workspaceId: board.workspaceId, type: 'label.updated', entityId: labelId, payload: dto });
      return dto;
    });
  }

  /**
   * One `label.deleted` event and no card events: the cards lose the label in this same transaction
   * without new versions, and clients strip it from the cards they hold (see DeletedBoardItem).
   */
  async remove(auth: AuthUser, labelId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      const { board } = await this.labelWithAccess(auth, labelId, tx.manager);
      if (!(await this.boards.deleteLabel(tx.manager, labelId, board.id))) throw notFound('Label');
      const payload: DeletedBoardItem = { id: labelId, boardId: board.id };
      tx.record({ workspaceId: board.workspaceId, type: 'label.deleted', entityId: labelId, payload });
    });
  }

  private async labelWithAccess(auth: AuthUser, labelId: string, manager: EntityManager): Promise<{ label: LabelEntity; board: BoardEntity }> {
    const label = await this.boards.findLabel(labelId, manager);
    const board = label ? await this.boards.findBoard(label.boardId, manager) : null;
    if (!label || !board) throw notFound('Label');
    (await this.access.workspace(auth, board.workspaceId, manager)).require('update', 'Board');
    return { label, board };
  }
}
