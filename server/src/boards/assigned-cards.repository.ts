import { Injectable } from '@nestjs/common';
import type { AssignedCardDto } from '@enlace/shared';
import { DataSource } from 'typeorm';
import type { SqlFragment } from '../common/authorization/ability-sql.js';

/** The open cards assigned to a person across their active workspaces (the start page's "assigned to me"). */
@Injectable()
export class AssignedCardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `where` comes from the caller's ability; the GIN index on live cards' assignees finds theirs. */
  assignedTo(userId: string, where: SqlFragment, limit: number): Promise<AssignedCardDto[]> {
    return this.dataSource
      .createQueryBuilder()
      .from('cards', 'c')
      .innerJoin('workspaces', 'w', "w.id = c.workspace_id AND w.status = 'active'")
      .innerJoin('board_columns', 'col', 'col.id = c.column_id')
      .select([
        'c.id AS id',
        'c.title AS title',
        'c.workspace_id AS "workspaceId"',
        'w.title AS "workspaceTitle"',
        'c.board_id AS "boardId"',
        'col.title AS "columnTitle"',
        'c.due_date::text AS "dueDate"',
        'c.priority AS priority',
        `to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`,
      ])
      .where('c.assignee_ids @> ARRAY[CAST(:userId AS uuid)] AND c.archived_at IS NULL', { userId })
      .andWhere(where.sql, where.params)
      .orderBy('c.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('c.updated_at', 'DESC')
      .limit(limit)
      .getRawMany<AssignedCardDto>();
  }
}
