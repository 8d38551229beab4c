import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/errors/app-error.js';
import { BoardEntity, CardEntity, ColumnEntity, CommentEntity, LabelEntity } from './board.entities.js';

export type CardChanges = Partial<
  Pick<
    CardEntity,
    'title' | 'description' | 'assigneeIds' | 'responsibleOrganizationId' | 'dueDate' | 'priority' | 'labelIds' | 'checklist' | 'archivedAt' | 'columnId' | 'position'
  >
>;

interface CardRow {
  id: string;
  board_id: string;
  column_id: string;
  workspace_id: string;
  title: string;
  description: string;
  position: string;
  assignee_ids: string[];
  responsible_organization_id: string | null;
  due_date: string | null;
  priority: CardEntity['priority'];
  label_ids: string[];
  checklist: CardEntity['checklist'];
  commitment_id: string | null;
  archived_at: Date | null;
  comment_count: number;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Boards, columns, labels, cards and comments. Reading a board is four queries, whatever its size. */
@Injectable()
export class BoardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertBoard(manager: EntityManager, workspaceId: string, title: string, columns: Array<{ title: string; position: string }>): Promise<BoardEntity> {
    const board = await manager.getRepository(BoardEntity).save(manager.getRepository(BoardEntity).create({ workspaceId, title }));
    await manager.getRepository(ColumnEntity).insert(columns.map((column) => ({ ...column, boardId: board.id })));
    return manager.getRepository(BoardEntity).findOneByOrFail({ id: board.id });
  }

  /** `UPDATE … WHERE id AND version`: undefined when the caller's version is stale. */
  async updateBoard(manager: EntityManager, id: string, version: number, changes: Partial<Pick<BoardEntity, 'title'>>): Promise<BoardEntity | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(BoardEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return result.affected === 1 ? manager.getRepository(BoardEntity).findOneByOrFail({ id }) : undefined;
  }

  /**
   * Serialises changes to a board's column list (reorder, delete) so that, say, two deletions cannot
   * both see two columns and leave none. NO KEY UPDATE, so card inserts (whose foreign key only
   * takes KEY SHARE on the board) are not held up.
   */
  async lockBoard(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT id FROM boards WHERE id = $1 FOR NO KEY UPDATE', [id]);
  }

  boardsOf(workspaceId: string): Promise<BoardEntity[]> {
    return this.dataSource.getRepository(BoardEntity).find({ where: { workspaceId }, order: { title: 'ASC' } });
  }

  findBoard(id: string, manager: EntityManager = this.dataSource.manager): Promise<BoardEntity | null> {
    return manager.getRepository(BoardEntity).findOneBy({ id });
  }

  columns(boardId: string, manager: EntityManager = this.dataSource.manager): Promise<ColumnEntity[]> {
    return manager.getRepository(ColumnEntity).createQueryBuilder('c').where('c.board_id = :boardId', { boardId }).orderBy('c.position').addOrderBy('c.id').getMany();
  }

  labels(boardId: string): Promise<LabelEntity[]> {
    return this.dataSource.getRepository(LabelEntity).find({ where: { boardId }, order: { name: 'ASC' } });
  }

  /** The hot read of a board: plain SQL, because ORM hydration of thousands of rows costs more than the query. */
  async cards(boardId: string): Promise<CardEntity[]> {
    const rows: CardRow[] = await this.dataSource.query(
      `SELECT id, board_id, column_id, workspace_id, title, description, position, assignee_ids, responsible_organization_id,
              due_date::text AS due_date, priority, label_ids, checklist, commitment_id, archived_at, comment_count, version,
              created_by, created_at, updated_at
         FROM cards WHERE board_id = $1 AND archived_at IS NULL ORDER BY column_id, position, id`,
      [boardId],
    );
    return rows.map((row) =>
      Object.assign(new CardEntity(), {
        id: row.id,
        boardId: row.board_id,
        columnId: row.column_id,
        workspaceId: row.workspace_id,
        title: row.title,
        description: row.description,
        position: row.position,
        assigneeIds: row.assignee_ids,
        responsibleOrganizationId: row.responsible_organization_id,
        dueDate: row.due_date,
        priority: row.priority,
        labelIds: row.label_ids,
        checklist: row.checklist,
        commitmentId: row.commitment_id,
        archivedAt: row.archived_at,
        commentCount: row.comment_count,
        version: row.version,
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }),
    );
  }

  findColumn(id: string, manager: EntityManager = this.dataSource.manager): Promise<ColumnEntity | null> {
    return manager.getRepository(ColumnEntity).findOneBy({ id });
  }

  /**
   * Locks a column row and returns its current limit (undefined when the column is gone). Every
   * addition to a limited column takes this lock before counting, so concurrent additions count one
   * after the other instead of all seeing the same free slot.
   */
  async lockColumn(manager: EntityManager, id: string): Promise<{ wipLimit: number | null } | undefined> {
    const rows: Array<{ wip_limit: number | null }> = await manager.query('SELECT wip_limit FROM board_columns WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] && { wipLimit: rows[0].wip_limit };
  }

  /** Cards counting against a WIP limit: the column's non-archived ones. */
  async openCardCount(manager: EntityManager, columnId: string): Promise<number> {
    const rows: Array<{ count: number }> = await manager.query('SELECT count(*)::int AS count FROM cards WHERE column_id = $1 AND archived_at IS NULL', [columnId]);
    return rows[0].count;
  }

  /** Any card at all, archived ones included: they still belong to the column. */
  async hasCards(manager: EntityManager, columnId: string): Promise<boolean> {
    const rows: Array<{ found: boolean }> = await manager.query('SELECT EXISTS (SELECT 1 FROM cards WHERE column_id = $1) AS found', [columnId]);
    return rows[0].found;
  }

  async deleteColumn(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ColumnEntity).delete({ id });
  }

  findCard(id: string, manager: EntityManager = this.dataSource.manager): Promise<CardEntity | null> {
    return manager.getRepository(CardEntity).findOneBy({ id });
  }

  async insertColumn(manager: EntityManager, values: Pick<ColumnEntity, 'boardId' | 'title' | 'position' | 'wipLimit'>): Promise<ColumnEntity> {
    const result = await manager.getRepository(ColumnEntity).insert(values);
    return manager.getRepository(ColumnEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async updateColumn(manager: EntityManager, id: string, version: number, changes: Partial<Pick<ColumnEntity, 'title' | 'wipLimit' | 'position'>>): Promise<ColumnEntity | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(ColumnEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return result.affected === 1 ? manager.getRepository(ColumnEntity).findOneByOrFail({ id }) : undefined;
  }

  async insertLabel(manager: EntityManager, values: Pick<LabelEntity, 'boardId' | 'name' | 'color'>): Promise<LabelEntity> {
    const result = await manager.getRepository(LabelEntity).insert(values);
    return manager.getRepository(LabelEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  findLabel(id: string, manager: EntityManager): Promise<LabelEntity | null> {
    return manager.getRepository(LabelEntity).findOneBy({ id });
  }

  async updateLabel(manager: EntityManager, id: string, version: number, changes: Partial<Pick<LabelEntity, 'name' | 'color'>>): Promise<LabelEntity | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(LabelEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return result.affected === 1 ? manager.getRepository(LabelEntity).findOneByOrFail({ id }) : undefined;
  }

  /**
   * Deletes the label, then strips it from the board's cards. The cards' versions stay as they are:
   * the label is gone for everyone, so no edit made against the old version can be lost by it.
   */
  async deleteLabel(manager: EntityManager, id: string, boardId: string): Promise<boolean> {
    // Someone else deleted it first: nothing to strip, and no second event.
    if ((await manager.getRepository(LabelEntity).delete({ id })).affected !== 1) return false;
    await manager.query('UPDATE cards SET label_ids = array_remove(label_ids, $1::uuid) WHERE board_id = $2 AND label_ids @> ARRAY[$1::uuid]', [id, boardId]);
    return true;
  }

  /**
   * How many of `ids` are labels of the board, locked (KEY SHARE) until the card write commits, so a
   * concurrent label deletion either waits and then strips the id, or goes first and the write is refused.
   */
  async countLabels(boardId: string, ids: string[], manager: EntityManager): Promise<number> {
    if (ids.length === 0) return 0;
    const rows: unknown[] = await manager.query('SELECT id FROM board_labels WHERE board_id = $1 AND id = ANY($2::uuid[]) FOR KEY SHARE', [boardId, ids]);
    return rows.length;
  }

  /** The last position in a column (the end), or the first one after `after` (ignoring the card being moved). */
  async neighbour(manager: EntityManager, columnId: string, where: 'last' | 'first' | { after: string }, excludeCardId?: string): Promise<string | null> {
    const query = manager
      .getRepository(CardEntity)
      .createQueryBuilder('c')
      .select('c.position', 'position')
      .where('c.column_id = :columnId', { columnId })
      .limit(1);
    if (excludeCardId) query.andWhere('c.id <> :excludeCardId', { excludeCardId });
    if (where === 'last') query.orderBy('c.position', 'DESC');
    else query.orderBy('c.position', 'ASC');
    if (typeof where === 'object') query.andWhere('c.position > :after', { after: where.after });
    const row = await query.getRawOne<{ position: string }>();
    return row?.position ?? null;
  }

  async insertCard(manager: EntityManager, values: Omit<CardEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'commentCount' | 'commitmentId'>): Promise<CardEntity> {
    const result = await manager.getRepository(CardEntity).insert(values).catch(columnGone);
    return manager.getRepository(CardEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  /** `UPDATE … WHERE id AND version`: undefined when the caller's version is stale (the write is refused). */
  async updateCard(manager: EntityManager, id: string, version: number, changes: CardChanges): Promise<CardEntity | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(CardEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version })
      .execute()
      .catch(columnGone);
    return result.affected === 1 ? manager.getRepository(CardEntity).findOneByOrFail({ id }) : undefined;
  }

  async deleteCard(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(CardEntity).delete({ id });
  }

  async insertComment(manager: EntityManager, values: Pick<CommentEntity, 'cardId' | 'workspaceId' | 'authorId' | 'body' | 'mentions'>): Promise<CommentEntity> {
    const result = await manager.getRepository(CommentEntity).insert(values);
    await manager.query('UPDATE cards SET comment_count = comment_count + 1 WHERE id = $1', [values.cardId]);
    return manager.getRepository(CommentEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  comments(cardId: string): Promise<CommentEntity[]> {
    return this.dataSource.getRepository(CommentEntity).find({ where: { cardId }, order: { createdAt: 'ASC' } });
  }
}

/** A card written into a column deleted at the same moment: the column is gone, say so rather than 500. */
function columnGone(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23503' && driverError.constraint === 'cards_column_id_fkey') throw notFound('Column');
  throw error;
}
