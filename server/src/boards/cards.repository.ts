import { Injectable } from '@nestjs/common';
import type { CardDto } from '@enlace/shared';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { prepared } from '../common/database/prepared.js';
import { AppError, notFound } from '../common/errors/app-error.js';
import { MEMBERSHIP_COLUMNS, takeMembership, type MembershipRow, type WorkspaceWithRole } from '../workspaces/workspaces.repository.js';
import { CardEntity, CommentEntity } from './board.entities.js';

export type CardChanges = Partial<
  Pick<
    CardEntity,
    'title' | 'description' | 'assigneeIds' | 'responsibleOrganizationId' | 'dueDate' | 'priority' | 'labelIds' | 'checklist' | 'commitmentId' | 'archivedAt' | 'columnId' | 'position'
  >
>;

/** A timestamp as `Date.prototype.toISOString()` writes it. */
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A card as the API shows it (CardDto, in its field order), selected from `cards`: the one spelling of a
 * card, read as rows and streamed as JSON alike. `due_date` as text so no time zone shifts the date;
 * timestamps as `Date.prototype.toISOString()` writes them.
 */
export const CARD_SELECT = `id, board_id AS "boardId", column_id AS "columnId", workspace_id AS "workspaceId", title, description, position,
  assignee_ids AS "assigneeIds", responsible_organization_id AS "responsibleOrganizationId", due_date::text AS "dueDate", priority,
  label_ids AS "labelIds", checklist, commitment_id AS "commitmentId", archived_at IS NOT NULL AS archived, comment_count AS "commentCount",
  version, created_by AS "createdBy", ${isoTime('created_at')} AS "createdAt", ${isoTime('updated_at')} AS "updatedAt"`;

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
  commitmentId: 'commitment_id',
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
 * Cards and their comments. The card paths are plain SQL, one statement per step: they are the hot
 * writes, and ORM query building and re-reading after each write cost more than the statements
 * themselves. Every read of a card selects CARD_SELECT, so rows are CardDto as they come.
 */
@Injectable()
export class CardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The hot read of a board: its open cards serialised by PostgreSQL (CARD_SELECT), in board order, handed on as
   * pieces of CARDS_PER_PIECE comma-separated objects while the query still runs. Read row by row off
   * the transaction's own connection, because TypeORM's query() only answers once the last row is in.
   */
  async streamCards(boardId: string, manager: EntityManager, onPiece: (piece: string) => void): Promise<void> {
    const connection = (await manager.queryRunner!.connect()) as pg.ClientBase;
    const query = connection.query(
      new pg.Query<{ json: string }, [string]>({
        text: `SELECT row_to_json(card)::text AS json
                 FROM (SELECT ${CARD_SELECT} FROM cards WHERE board_id = $1 AND archived_at IS NULL ORDER BY column_id, position, id) card`,
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

  /** Cards counting against a WIP limit: the column's non-archived ones. */
  async openCardCount(manager: EntityManager, columnId: string): Promise<number> {
    const rows: Array<{ count: number }> = await manager.query('SELECT count(*)::int AS count FROM cards WHERE column_id = $1 AND archived_at IS NULL', [columnId]);
    return rows[0].count;
  }

  /**
   * A page of the board's archived cards, most recently archived first, after the card `after` (the
   * previous page's last). If that card has been restored meanwhile it has no place in this order, and
   * the list starts again from the top rather than skip cards.
   */
  async archivedCards(boardId: string, limit: number, after?: string): Promise<CardDto[]> {
    return this.dataSource.query(
      `WITH anchor AS (SELECT archived_at, id FROM cards WHERE id = $3 AND board_id = $1 AND archived_at IS NOT NULL)
       SELECT ${CARD_SELECT} FROM cards
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
  ): Promise<{ card: CardDto; member: WorkspaceWithRole | null; slot?: CardSlot } | null> {
    const member = `LEFT JOIN LATERAL (SELECT ${MEMBERSHIP_COLUMNS} FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
                                        WHERE m.workspace_id = cards.workspace_id AND m.user_id = $2) member ON true`;
    const { rows } = await prepared<CardDto & MembershipRow & SlotRow>(
      manager,
      destination
        ? `SELECT ${CARD_SELECT}, member.*, slot.* FROM cards ${member}
             LEFT JOIN LATERAL (${slotQuery({ column: '$3::uuid', board: 'cards.board_id', after: '$4::uuid', place: '$5::text', moving: 'cards.id' })}) slot ON true
            WHERE cards.id = $1`
        : `SELECT ${CARD_SELECT}, member.* FROM cards ${member} WHERE cards.id = $1`,
      destination ? [id, userId, destination.columnId, ...placeValues(destination.place)] : [id, userId],
    );
    const row = rows[0];
    if (!row) return null;
    const found = { member: takeMembership(row), slot: destination && takeSlot(row) };
    return { card: row, ...found };
  }

  async findCard(id: string, manager: EntityManager = this.dataSource.manager): Promise<CardDto | null> {
    const rows: CardDto[] = await manager.query(`SELECT ${CARD_SELECT} FROM cards WHERE id = $1`, [id]);
    return rows[0] ?? null;
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

  async insertCard(manager: EntityManager, values: Omit<CardEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'commentCount' | 'commitmentId'>): Promise<CardDto> {
    const rows: CardDto[] = await manager
      .query(
        `INSERT INTO cards (board_id, column_id, workspace_id, title, description, position, assignee_ids, responsible_organization_id,
                            due_date, priority, label_ids, checklist, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING ${CARD_SELECT}`,
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
      .catch(brokenReference);
    return rows[0];
  }

  /** `UPDATE … WHERE id AND version`: undefined when the caller's version is stale (the write is refused). */
  async updateCard(manager: EntityManager, id: string, version: number, changes: CardChanges): Promise<CardDto | undefined> {
    const entries = Object.entries(changes) as Array<[keyof CardChanges, unknown]>;
    const assignments = entries.map(([key], i) => `${CARD_CHANGE_COLUMNS[key]} = $${i + 3}`);
    // One statement per set of changed fields (a move always changes the same two).
    const { rows } = await prepared<CardDto>(
      manager,
      `UPDATE cards SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${CARD_SELECT}`,
      [id, version, ...entries.map(([key, value]) => storedValue(key, value))],
    ).catch(brokenReference);
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

/**
 * A card written into a column deleted at the same moment (the column is gone: 404), or linked to a
 * commitment outside its workspace's agreement (400): say so rather than 500.
 */
function brokenReference(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23503' && driverError.constraint === 'cards_column_id_fkey') throw notFound('Column');
  // The reference holds a card to commitments of its own workspace's agreement.
  if (driverError?.code === '23503' && driverError.constraint === 'cards_commitment_fkey') {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', [
      { path: 'commitmentId', message: 'Not a commitment of this workspace’s agreement', code: 'invalid_reference' },
    ]);
  }
  throw error;
}
