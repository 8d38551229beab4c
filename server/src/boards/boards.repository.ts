import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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

  findCard(id: string, manager: EntityManager = this.dataSource.manager): Promise<CardEntity | null> {
    return manager.getRepository(CardEntity).findOneBy({ id });
  }

  async insertColumn(manager: EntityManager, values: Pick<ColumnEntity, 'boardId' | 'title' | 'position' | 'wipLimit'>): Promise<ColumnEntity> {
    const result = await manager.getRepository(ColumnEntity).insert(values);
    return manager.getRepository(ColumnEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async updateColumn(manager: EntityManager, id: string, version: number, changes: Partial<Pick<ColumnEntity, 'title' | 'wipLimit'>>): Promise<ColumnEntity | undefined> {
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

  async countLabels(boardId: string, ids: string[], manager: EntityManager): Promise<number> {
    if (ids.length === 0) return 0;
    return manager.getRepository(LabelEntity).createQueryBuilder('l').where('l.board_id = :boardId AND l.id IN (:...ids)', { boardId, ids }).getCount();
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
    const result = await manager.getRepository(CardEntity).insert(values);
    return manager.getRepository(CardEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  /** `UPDATE … WHERE id AND version`: undefined when the caller's version is stale (the write is refused). */
  async updateCard(manager: EntityManager, id: string, version: number, changes: CardChanges): Promise<CardEntity | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(CardEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
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
