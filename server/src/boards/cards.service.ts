import { Injectable } from '@nestjs/common';
import type { CardDto, CommentDto, CreateCardInput, CreateCommentInput, MoveCardInput, Page, UpdateCardInput } from '@enlace/shared';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { EntityManager } from 'typeorm';
import { OrganizationsRepository } from '../accounts/organizations.repository.js';
import { AccessService, type WorkspaceAccess } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import type { ColumnEntity } from './board.entities.js';
import { mapComment } from './boards.dto.js';
import { BoardStructureRepository } from './board-structure.repository.js';
import { CardsRepository, type CardChanges, type CardSlot } from './cards.repository.js';
import { pageOf } from '../common/pagination.js';

/** What a WIP check needs to know of a column. */
type Room = Pick<ColumnEntity, 'id' | 'wipLimit'>;

const MENTION = /@\[[^\]]{1,120}\]\(([0-9a-f-]{36})\)/g;

@Injectable()
export class CardsService {
  constructor(
    private readonly boards: BoardStructureRepository,
    private readonly cards: CardsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Tasks another domain adds in its own transaction (a case's stage templates), at the end of the first column
   * of the workspace's first board, each recorded as `card.created`. The work-in-progress limit, which paces what
   * people take on, does not stop the procedure's own tasks from appearing. None when the workspace has no board.
   */
  async addTasks(tx: Tx, workspaceId: string, titles: readonly string[], actorId: string): Promise<CardDto[]> {
    const place = await this.cards.firstColumn(tx.manager, workspaceId);
    if (!place || titles.length === 0) return [];
    const positions = generateNKeysBetween(place.last, null, titles.length);
    const added: CardDto[] = [];
    for (const [i, title] of titles.entries()) {
      const card = await this.cards.insertCard(tx.manager, {
        boardId: place.boardId,
        columnId: place.columnId,
        workspaceId,
        title,
        description: '',
        position: positions[i],
        assigneeIds: [],
        responsibleOrganizationId: null,
        dueDate: null,
        priority: 'medium',
        labelIds: [],
        checklist: [],
        createdBy: actorId,
      });
      tx.record({ workspaceId, type: 'card.created', entityId: card.id, payload: card });
      added.push(card);
    }
    return added;
  }

  async create(auth: AuthUser, boardId: string, input: CreateCardInput): Promise<CardDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const board = await this.boards.findBoard(boardId, tx.manager);
      if (!board) throw notFound('Board');
      const access = await this.access.workspace(auth, board.workspaceId, tx.manager);
      access.require('create', 'Card');
      const { column, position } = await this.placeIn(tx.manager, boardId, input.columnId, input.afterCardId === undefined ? 'end' : input.afterCardId);
      await this.checkReferences(tx.manager, access, input, boardId);
      await this.requireRoom(tx.manager, column);
      const card = await this.cards.insertCard(tx.manager, {
          boardId,
          columnId: input.columnId,
          workspaceId: board.workspaceId,
          title: input.title,
          description: input.description ?? '',
          position,
          assigneeIds: input.assigneeIds ?? [],
          responsibleOrganizationId: input.responsibleOrganizationId ?? null,
          dueDate: input.dueDate ?? null,
          priority: input.priority ?? 'medium',
          labelIds: input.labelIds ?? [],
          checklist: input.checklist ?? [],
          createdBy: auth.id,
        });
      tx.record({ workspaceId: board.workspaceId, type: 'card.created', entityId: card.id, payload: card });
      return card;
    });
  }

  async update(auth: AuthUser, cardId: string, input: UpdateCardInput): Promise<CardDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { card, access } = await this.cardWithAccess(auth, cardId, tx.manager);
      access.require('update', 'Card');
      await this.checkReferences(tx.manager, access, input, card.boardId);
      const { version, archived, ...fields } = input;
      const changes: CardChanges = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(card[key])) Object.assign(changes, { [key]: value });
      }
      if (archived !== undefined && archived !== card.archived) changes.archivedAt = archived ? new Date() : null;
      if (version !== card.version) throw versionConflict('card', card);
      if (Object.keys(changes).length === 0) return card;
      if (changes.archivedAt === null) {
        // Restoring puts the card back among its column's open cards.
        const column = await this.boards.findColumn(card.columnId, tx.manager);
        if (column) await this.requireRoom(tx.manager, column);
      }
      const updated = await this.cards.updateCard(tx.manager, cardId, version, changes);
      if (!updated) throw versionConflict('card', (await this.cards.findCard(cardId, tx.manager))!);
      const type = changes.archivedAt !== undefined ? (archived ? 'card.archived' : 'card.restored') : 'card.updated';
      tx.record({ workspaceId: card.workspaceId, type, entityId: cardId, payload: updated });
      return updated;
    });
  }

  /** Writes one row: the card's column and a fractional position between its new neighbours. */
  async move(auth: AuthUser, cardId: string, input: MoveCardInput): Promise<CardDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const after = input.afterCardId ?? null;
      // The card, the caller's membership and the card's destination, in one query.
      const found = await this.cards.findCardForMember(cardId, auth.id, tx.manager, { columnId: input.columnId, place: after === null ? 'start' : { after } });
      if (!found) throw notFound('Card');
      const { card } = found;
      this.access.of(auth, card.workspaceId, found.member).require('update', 'Card');
      const { column, position } = placement(found.slot!, after);
      if (input.version !== card.version) throw versionConflict('card', card);
      // Only a card arriving from another column adds to it; an archived card counts in none.
      if (column.id !== card.columnId && !card.archived) await this.requireRoom(tx.manager, column);
      const moved = await this.cards.updateCard(tx.manager, cardId, input.version, { columnId: input.columnId, position });
      if (!moved) throw versionConflict('card', (await this.cards.findCard(cardId, tx.manager))!);
      tx.record({ workspaceId: card.workspaceId, type: 'card.moved', entityId: cardId, payload: moved });
      return moved;
    });
  }

  async remove(auth: AuthUser, cardId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      const { card, access } = await this.cardWithAccess(auth, cardId, tx.manager);
      access.require('delete', 'Card');
      await this.cards.deleteCard(tx.manager, cardId);
      tx.record({ workspaceId: card.workspaceId, type: 'card.deleted', entityId: cardId, payload: { id: cardId, boardId: card.boardId, columnId: card.columnId } });
    });
  }

  async comment(auth: AuthUser, cardId: string, input: CreateCommentInput): Promise<CommentDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { card, access } = await this.cardWithAccess(auth, cardId, tx.manager);
      access.require('create', 'Comment');
      const mentioned = [...new Set([...input.body.matchAll(MENTION)].map((match) => match[1]))];
      const members = new Set((await this.workspaces.members(card.workspaceId, tx.manager)).map((m) => m.userId));
      const comment = mapComment(
        await this.cards.insertComment(tx.manager, {
          cardId,
          workspaceId: card.workspaceId,
          authorId: auth.id,
          body: input.body,
          mentions: mentioned.filter((id) => members.has(id)),
        }),
      );
      tx.record({ workspaceId: card.workspaceId, type: 'comment.added', entityId: comment.id, payload: comment });
      return comment;
    });
  }

  async comments(auth: AuthUser, cardId: string): Promise<Page<CommentDto>> {
    const { access } = await this.cardWithAccess(auth, cardId);
    access.require('read', 'Comment');
    return { items: (await this.cards.comments(cardId)).map(mapComment) };
  }

  /** A board's archived cards, most recently archived first: where they are found again and restored. */
  async archived(auth: AuthUser, boardId: string, limit: number, cursor?: string): Promise<Page<CardDto>> {
    const board = await this.boards.findBoard(boardId);
    if (!board) throw notFound('Board');
    (await this.access.workspace(auth, board.workspaceId)).require('read', 'Card');
    const rows = await this.cards.archivedCards(boardId, limit + 1, cursor);
    return pageOf(rows, limit, (card) => card, (card) => card.id);
  }

  private async cardWithAccess(auth: AuthUser, cardId: string, manager?: EntityManager): Promise<{ card: CardDto; access: WorkspaceAccess }> {
    const found = await this.cards.findCardForMember(cardId, auth.id, manager);
    if (!found) throw notFound('Card');
    return { card: found.card, access: this.access.of(auth, found.card.workspaceId, found.member) };
  }

  /**
   * Refuses one more open card in a column already holding `wipLimit` of them. The column row is
   * locked before counting, so concurrent additions count one after the other (one gets the last
   * slot, the other 409). A lowered limit is not enforced on what is already there, only on additions.
   */
  private async requireRoom(manager: EntityManager, column: Room): Promise<void> {
    // Most columns have no limit: then no lock and no count, and the hot move path costs what it did.
    if (column.wipLimit === null) return;
    const locked = await this.boards.lockColumn(manager, column.id);
    if (!locked) throw notFound('Column');
    // The limit as it stands now: it may have changed since the unlocked read.
    if (locked.wipLimit === null) return;
    const count = await this.cards.openCardCount(manager, column.id);
    if (count >= locked.wipLimit) {
      throw new AppError('WIP_LIMIT_REACHED', `This column takes at most ${locked.wipLimit} open cards`, { columnId: column.id, wipLimit: locked.wipLimit, count });
    }
  }

  /** The column (on `boardId`) and a fractional position in it: see `placement`. */
  private async placeIn(manager: EntityManager, boardId: string, columnId: string, after: string | null | 'end'): Promise<{ column: Room; position: string }> {
    return placement(await this.cards.slot(manager, boardId, columnId, after === 'end' ? 'end' : after === null ? 'start' : { after }), after);
  }

  /** Assignees must be members, labels must belong to the board, the organisation must exist. */
  private async checkReferences(
    manager: EntityManager,
    access: WorkspaceAccess,
    input: { assigneeIds?: string[]; labelIds?: string[]; responsibleOrganizationId?: string | null },
    boardId?: string,
  ): Promise<void> {
    const problems: Array<{ path: string; message: string; code: string }> = [];
    if (input.assigneeIds?.length) {
      const members = new Set((await this.workspaces.members(access.workspace.id, manager)).map((m) => m.userId));
      if (input.assigneeIds.some((id) => !members.has(id))) problems.push({ path: 'assigneeIds', message: 'Assignees must be workspace members', code: 'invalid_reference' });
    }
    if (input.labelIds?.length) {
      const unique = [...new Set(input.labelIds)];
      const found = await this.boards.countLabels(boardId ?? '', unique, manager);
      if (boardId === undefined || found !== unique.length) problems.push({ path: 'labelIds', message: 'Labels must belong to this board', code: 'invalid_reference' });
    }
    if (input.responsibleOrganizationId && !(await this.organizations.findById(input.responsibleOrganizationId, manager))) {
      problems.push({ path: 'responsibleOrganizationId', message: 'Unknown organisation', code: 'invalid_reference' });
    }
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is not valid', problems);
  }
}

/**
 * Where a slot puts a card: its column, and a fractional position at the end, at the start (null) or
 * right after `after`. Only the placed card's row is written, never its neighbours'.
 */
function placement(slot: CardSlot, after: string | null | 'end'): { column: Room; position: string } {
  if (!slot.column) throw notFound('Column');
  if (after !== 'end' && after !== null && !slot.anchorFound) throw notFound('Card to place after');
  return { column: slot.column, position: generateKeyBetween(slot.lower, slot.upper) };
}
