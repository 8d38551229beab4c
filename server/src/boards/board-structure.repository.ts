import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BoardEntity, ColumnEntity, LabelEntity } from './board.entities.js';

/** Boards, their columns and labels: the structure cards are placed in. */
@Injectable()
export class BoardStructureRepository {
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

  labels(boardId: string, manager: EntityManager = this.dataSource.manager): Promise<LabelEntity[]> {
    return manager.getRepository(LabelEntity).find({ where: { boardId }, order: { name: 'ASC' } });
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

  /** Any card at all, archived ones included: they still belong to the column. */
  async hasCards(manager: EntityManager, columnId: string): Promise<boolean> {
    const rows: Array<{ found: boolean }> = await manager.query('SELECT EXISTS (SELECT 1 FROM cards WHERE column_id = $1) AS found', [columnId]);
    return rows[0].found;
  }

  async deleteColumn(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ColumnEntity).delete({ id });
  }

  async insertColumn(manager: EntityManager, values: Pick<ColumnEntity, 'boardId' | 'title' | 'position' | 'wipLimit' | 'done'>): Promise<ColumnEntity> {
    const result = await manager.getRepository(ColumnEntity).insert(values);
    return manager.getRepository(ColumnEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async updateColumn(manager: EntityManager, id: string, version: number, changes: Partial<Pick<ColumnEntity, 'title' | 'wipLimit' | 'position' | 'done'>>): Promise<ColumnEntity | undefined> {
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
}
