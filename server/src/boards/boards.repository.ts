import { Injectable } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { prepared } from '../common/database/prepared.js';
import { notFound } from '../common/errors/app-error.js';
import { MEMBERSHIP_COLUMNS, takeMembership, type MembershipRow, type WorkspaceWithRole } from '../workspaces/workspaces.repository.js';
import { BoardEntity, CardEntity, ColumnEntity, CommentEntity, LabelEntity } from './board.entities.js';

export type CardChanges = Partial<
  Pick<
    CardEntity,
    'title' | 'description' | 'assigneeIds' | 'responsibleOrganizationId' | 'dueDate' | 'priority' | 'labelIds' | 'checklist' | 'archivedAt' | 'columnId' | 'position'
  >
>;

/** Every card column, named as CardEntity names them; `due_date` as text so no time zone shifts the date. */
const CARD_COLUMNS = `id, board_id AS "boardId", column_id AS "columnId", workspace_id AS "workspaceId", title, description, position,
  assignee_ids AS "assigneeIds", responsible_organization_id AS "responsibleOrganizationId", due_date::text AS "dueDate", priority,
  label_ids AS "labelIds", checklist, commitment_id AS "commitmentId", archived_at AS "archivedAt", comment_count AS "commentCount",
  version, created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The columns a card write may set, and how each is stored. */
const CARD_CHANGE_COLUMNS: { [K in keyof CardChanges]-?: string } = {
  title: 'title',
  description: 'description',
  assigneeIds: 'assignee_ids',
  responsibleOrganizationId: 'responsible_organization_id',
  dueDate: 'due_date',
  priority: 'priority',
  labelIds: 'label_ids',
  checklist: 'checklist',
  archivedAt: 'archived_at',
  columnId: 'column_id',
  position: 'position',
};

/** pg sends JS arrays as PostgreSQL arrays; the jsonb checklist goes as JSON text. */
const storedValue = (key: keyof CardChanges, value: unknown) => (key === 'checklist' ? JSON.stringify(value) : value);

/** About 70 KB of JSON: small enough for V8's young generation, large enough that 5,000 cards are 50 writes. */
const CARDS_PER_PIECE = 100;

/** Where a card goes: its column (null when not on the board) and the two positions it must fall between. */
export interface CardSlot {
  column: { id: string; wipLimit: number | null } | null;
  anchorFound: boolean;
  lower: string | null;
  upper: string | null;
}

/**
 * Boards, columns, labels, cards and comments. Reading a board is five queries, whatever its size. The
 * card paths are plain SQL, one statement per step: they are the hot writes, and ORM query building and
 * re-reading after each write cost more than the statements themselves.
 */
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

  labels(boardId: string, manager: EntityManager = this.dataSource.manager): Promise<LabelEntity[]> {
    return manager.getRepository(LabelEntity).find({ where: { boardId }, order: { name: 'ASC' } });
  }

  /**
   * The hot read of a board: its open cards serialised by PostgreSQL in the shape of CardDto (the same
   * fields in mapCard's order, timestamps as toISOString() writes them), in board order, handed on as
   * pieces of CARDS_PER_PIECE comma-separated objects while the query still runs. Read row by row off
   * the transaction's own connection, because TypeORM's query() only answers once the last row is in.
   */
  async streamCards(boardId: string, manager: EntityManager, onPiece: (piece: string) => void): Promise<void> {
    const connection = (await manager.queryRunner!.connect()) as pg.ClientBase;
    const query = connection.query(
      new pg.Query<{ json: string }, [string]>({
        text: `SELECT row_to_json(card)::text AS json
                 FROM (SELECT id, board_id AS "boardId", column_id AS "columnId", workspace_id AS "workspaceId", title, description,
                              position, assignee_ids AS "assigneeIds", responsible_organization_id AS "responsibleOrganizationId",
                              due_date::text AS "dueDate", priority, label_ids AS "labelIds", checklist, commitment_id AS "commitmentId",
                              false AS archived, comment_count AS "commentCount", version, created_by AS "createdBy",
                              ${isoTime('created_at')} AS "createdAt", ${isoTime('updated_at')} AS "updatedAt"
                         FROM cards WHERE board_id = $1 AND archived_at IS NULL
                        ORDER BY column_id, position, id) card`,
        values: [boardId],
      }),
    );
    let cards: string[] = [];
    await new Promise<void>((resolve, reject) => {
      query.on('row', (row: { json: string }) => {
        cards.push(row.json);
        if (cards.length === CARDS_PER_PIECE) {
          onPiece(cards.join(','));
          cards = [];
        }
      });
      query.on('end', () => {
        if (cards.length > 0) onPiece(cards.join(','));
        resolve();
      });
      query.on('error', reject);
    });
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

  /**
   * A page of the board's archived cards, most recently archived first, after the card `after` (the
   * previous page's last). If that card has been restored meanwhile it has no place in this order, and
   * the list starts again from the top rather than skip cards.
   */
  async archivedCards(boardId: string, limit: number, after?: string): Promise<CardEntity[]> {
    return this.dataSource.query(
      `WITH anchor AS (SELECT archived_at, id FROM cards WHERE id = $3 AND board_id = $1 AND archived_at IS NOT NULL)
       SELECT ${CARD_COLUMNS} FROM cards
        WHERE board_id = $1 AND archived_at IS NOT NULL
          AND (NOT EXISTS (SELECT FROM anchor) OR (archived_at, id) < (SELECT archived_at, id FROM anchor))
        ORDER BY archived_at DESC, id DESC
        LIMIT $2`,
      [boardId, limit, after ?? null],
    );
  }

  /**
   * A card with its workspace and the caller's membership there (null when not a member), in one query:
   * every card write starts here. A move also asks where the card would go (see `slot`), in the same query.
   */
  async findCardForMember(
    id: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
    destination?: { columnId: string; place: Place },
  ): Promise<{ card: CardEntity; member: WorkspaceWithRole | null; slot?: CardSlot } | null> {
    const member = `LEFT JOIN LATERAL (SELECT ${MEMBERSHIP_COLUMNS} FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
                                        WHERE m.workspace_id = cards.workspace_id AND m.user_id = $2) member ON true`;
    const { rows } = await prepared<CardEntity & MembershipRow & SlotRow>(
      manager,
      destination
        ? `SELECT ${CARD_COLUMNS}, member.*, slot.* FROM cards ${member}
             LEFT JOIN LATERAL (${slotQuery({ column: '$3::uuid', board: 'cards.board_id', after: '$4::uuid', place: '$5::text', moving: 'cards.id' })}) slot ON true
            WHERE cards.id = $1`
        : `SELECT ${CARD_COLUMNS}, member.* FROM cards ${member} WHERE cards.id = $1`,
      destination ? [id, userId, destination.columnId, ...placeValues(destination.place)] : [id, userId],
    );
    const row = rows[0];
    if (!row) return null;
    const found = { member: takeMembership(row), slot: destination && takeSlot(row) };
    return { card: row, ...found };
  }

  async findCard(id: string, manager: EntityManager = this.dataSource.manager): Promise<CardEntity | null> {
    const rows: CardEntity[] = await manager.query(`SELECT ${CARD_COLUMNS} FROM cards WHERE id = $1`, [id]);
    return rows[0] ?? null;
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

  /**
   * The column a new card goes into (it must be on `boardId`) and its neighbours there, in one query:
   * `end` after the last card, `start` before the first, or right after the anchor card. (A move asks
   * the same of `findCardForMember`.)
   */
  async slot(manager: EntityManager, boardId: string, columnId: string, place: Place): Promise<CardSlot> {
    const { rows } = await prepared<SlotRow>(
      manager,
      slotQuery({ column: '$1::uuid', board: '$2::uuid', after: '$3::uuid', place: '$4::text', moving: 'NULL::uuid' }),
      [columnId, boardId, ...placeValues(place)],
    );
    return takeSlot(rows[0] ?? { slot_column_id: null, slot_wip_limit: null, slot_anchor_found: false, slot_lower: null, slot_upper: null });
  }

  async insertCard(manager: EntityManager, values: Omit<CardEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'commentCount' | 'commitmentId'>): Promise<CardEntity> {
    const rows: CardEntity[] = await manager
      .query(
        `INSERT INTO cards (board_id, column_id, workspace_id, title, description, position, assignee_ids, responsible_organization_id,
                            due_date, priority, label_ids, checklist, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING ${CARD_COLUMNS}`,
        [
          values.boardId,
          values.columnId,
          values.workspaceId,
          values.title,
          values.description,
          values.position,
          values.assigneeIds,
          values.responsibleOrganizationId,
          values.dueDate,
          values.priority,
          values.labelIds,
          JSON.stringify(values.checklist),
          values.createdBy,
        ],
      )
      .catch(columnGone);
    return rows[0];
  }

  /** `UPDATE … WHERE id AND version`: undefined when the caller's version is stale (the write is refused). */
  async updateCard(manager: EntityManager, id: string, version: number, changes: CardChanges): Promise<CardEntity | undefined> {
    const entries = Object.entries(changes) as Array<[keyof CardChanges, unknown]>;
    const assignments = entries.map(([key], i) => `${CARD_CHANGE_COLUMNS[key]} = $${i + 3}`);
    // One statement per set of changed fields (a move always changes the same two).
    const { rows } = await prepared<CardEntity>(
      manager,
      `UPDATE cards SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${CARD_COLUMNS}`,
      [id, version, ...entries.map(([key, value]) => storedValue(key, value))],
    ).catch(columnGone);
    return rows[0];
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

/** Where in a column a card goes: before the first card, after the last, or right after a given card. */
export type Place = 'start' | 'end' | { after: string };

const placeValues = (place: Place) => (typeof place === 'object' ? [place.after, 'after'] : [null, place]);

interface SlotRow {
  slot_column_id: string | null;
  slot_wip_limit: number | null;
  slot_anchor_found: boolean;
  slot_lower: string | null;
  slot_upper: string | null;
}

/**
 * Where a card goes, its inputs given as SQL expressions (parameters, or the columns of a card being
 * moved): the target column, the board it must be on, the anchor card, the kind of place, and the card
 * being moved (NULL for a new one), left out so it never counts as its own neighbour. Its names start
 * with `slot_`, read back by `takeSlot`.
 */
const slotQuery = (input: { column: string; board: string; after: string; place: string; moving: string }) =>
  `SELECT col.id AS slot_column_id, col.wip_limit AS slot_wip_limit, anchor.id IS NOT NULL AS slot_anchor_found,
          CASE ${input.place}
            WHEN 'end' THEN (SELECT max(c.position) FROM cards c WHERE c.column_id = col.id AND c.id IS DISTINCT FROM ${input.moving})
            WHEN 'after' THEN anchor.position
          END AS slot_lower,
          CASE ${input.place}
            WHEN 'start' THEN (SELECT min(c.position) FROM cards c WHERE c.column_id = col.id AND c.id IS DISTINCT FROM ${input.moving})
            WHEN 'after' THEN (SELECT min(c.position) FROM cards c
                                WHERE c.column_id = col.id AND c.id IS DISTINCT FROM ${input.moving} AND c.position > anchor.position)
          END AS slot_upper
     FROM board_columns col
     LEFT JOIN cards anchor ON anchor.id = ${input.after} AND anchor.column_id = col.id AND anchor.id IS DISTINCT FROM ${input.moving}
    WHERE col.id = ${input.column} AND col.board_id = ${input.board}`;

/** Takes slotQuery's fields out of `row`, leaving whatever else it holds; no column when the query found none. */
function takeSlot(row: SlotRow): CardSlot {
  const slot = {
    column: row.slot_column_id === null ? null : { id: row.slot_column_id, wipLimit: row.slot_wip_limit },
    anchorFound: row.slot_anchor_found ?? false,
    lower: row.slot_lower,
    upper: row.slot_upper,
  };
  for (const key of Object.keys(row)) if (key.startsWith('slot_')) delete (row as unknown as Record<string, unknown>)[key];
  return slot;
}

/** A timestamp as `Date.prototype.toISOString()` writes it. */
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A card written into a column deleted at the same moment: the column is gone, say so rather than 500. */
function columnGone(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23503' && driverError.constraint === 'cards_column_id_fkey') throw notFound('Column');
  throw error;
}
