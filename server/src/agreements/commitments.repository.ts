import { Injectable } from '@nestjs/common';
import type { AgreementStatus, CommitmentDto, CommitmentStateDto, CommitmentStatus, LinkedCardDto, ProgressUpdateDto, ThematicArea } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { isForeignKeyViolation } from '../common/database/unique-violation.js';
import { CommitmentEntity, ProgressEntity } from './agreement.entities.js';
import { SHARE } from './indicators.repository.js';

export type CommitmentRow = Omit<CommitmentStateDto, 'createdAt' | 'updatedAt'> &
  Pick<CommitmentDto, 'progressReported' | 'progressVerified' | 'cardsTotal' | 'cardsDone'> & { createdAt: Date; updatedAt: Date };
export type ProgressRow = Omit<ProgressUpdateDto, 'at'> & { at: Date };

/**
 * Dates and amounts as text: no time zone shifts a due date, no float rounds a budget. With the mean
 * progress of the commitment's indicators, reported and verified apart, and its linked open cards.
 */
const COMMITMENT_SELECT = `SELECT c.id, c.agreement_id AS "agreementId", c.text, c.responsible_organization_id AS "responsibleOrganizationId",
  c.thematic_area AS "thematicArea", c.due_on::text AS "dueOn", c.status, c.blocked_reason AS "blockedReason",
  c.budget_allocated::text AS "budgetAllocated", c.budget_executed::text AS "budgetExecuted", c.currency, c.staff_assigned AS "staffAssigned",
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  p."progressReported", p."progressVerified", k."cardsTotal", k."cardsDone"
  FROM commitments c
  LEFT JOIN LATERAL (
    SELECT round(avg(${SHARE('i', 'reported')}), 4)::float8 AS "progressReported", round(avg(${SHARE('i', 'verified')}), 4)::float8 AS "progressVerified"
      FROM indicators i WHERE i.commitment_id = c.id
  ) p ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS "cardsTotal", count(*) FILTER (WHERE col.done)::int AS "cardsDone"
      FROM cards cd JOIN board_columns col ON col.id = cd.column_id WHERE cd.commitment_id = c.id AND cd.archived_at IS NULL
  ) k ON true`;

const PROGRESS_SELECT = `SELECT id, commitment_id AS "commitmentId", note, status_from AS "statusFrom", status_to AS "statusTo",
  blocked_reason AS "blockedReason", author_id AS "authorId", at
  FROM commitment_progress`;

const LINKED_CARD_SELECT = `SELECT cd.id, cd.board_id AS "boardId", cd.column_id AS "columnId", cd.title, col.done
  FROM cards cd JOIN board_columns col ON col.id = cd.column_id`;

export type CommitmentChanges = Partial<
  Pick<
    CommitmentEntity,
    'text' | 'responsibleOrganizationId' | 'thematicArea' | 'dueOn' | 'status' | 'blockedReason' | 'budgetAllocated' | 'budgetExecuted' | 'currency' | 'staffAssigned'
  >
>;

/**
 * The responsible organisation references the agreement's parties: the database refuses any other, even
 * one whose party is removed while the write is in flight.
 */
async function asParty<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isForeignKeyViolation(error, 'commitments_responsible_party_fkey')) {
      throw new AppError('NOT_A_PARTY', 'The responsible organisation must be a party to the agreement');
    }
    throw error;
  }
}

/** Commitments and their progress history. */
@Injectable()
export class CommitmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, values: Omit<CommitmentEntity, 'id' | 'status' | 'blockedReason' | 'version' | 'updatedAt'>): Promise<CommitmentRow> {
    const result = await asParty(manager.getRepository(CommitmentEntity).insert(values));
    return (await this.find(result.identifiers[0].id as string, manager))!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CommitmentRow | undefined> {
    const rows: CommitmentRow[] = await manager.query(`${COMMITMENT_SELECT} WHERE c.id = $1`, [id]);
    return rows[0];
  }

  ofAgreement(agreementId: string): Promise<CommitmentRow[]> {
    return this.dataSource.query(`${COMMITMENT_SELECT} WHERE c.agreement_id = $1 ORDER BY c.created_at, c.id`, [agreementId]);
  }

  /** Compare-and-set on `version`: undefined when someone else changed the commitment first. */
  async update(manager: EntityManager, id: string, version: number, changes: CommitmentChanges): Promise<CommitmentRow | undefined> {
    const result = await asParty(
      manager
        .createQueryBuilder()
        .update(CommitmentEntity)
        .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :version', { id, version })
        .execute(),
    );
    return result.affected === 1 ? this.find(id, manager) : undefined;
  }

  async insertProgress(manager: EntityManager, values: Omit<ProgressEntity, 'id'>): Promise<ProgressRow> {
    const result = await manager.getRepository(ProgressEntity).insert(values);
    const rows: ProgressRow[] = await manager.query(`${PROGRESS_SELECT} WHERE id = $1`, [result.identifiers[0].id]);
    return rows[0];
  }

  progress(commitmentId: string): Promise<ProgressRow[]> {
    return this.dataSource.query(`${PROGRESS_SELECT} WHERE commitment_id = $1 ORDER BY at, id`, [commitmentId]);
  }

  /** The progress history of every commitment of an agreement, oldest first: the Commitments tab's in one query. */
  progressOfAgreement(agreementId: string): Promise<ProgressRow[]> {
    return this.dataSource.query(`${PROGRESS_SELECT} WHERE commitment_id IN (SELECT id FROM commitments WHERE agreement_id = $1) ORDER BY at, id`, [agreementId]);
  }

  /** The open cards linked to the commitment, each with whether its column is marked "done". */
  cards(commitmentId: string, manager: EntityManager = this.dataSource.manager): Promise<LinkedCardDto[]> {
    return manager.query(`${LINKED_CARD_SELECT} WHERE cd.commitment_id = $1 AND cd.archived_at IS NULL ORDER BY cd.created_at, cd.id`, [commitmentId]);
  }

  /** The open cards linked to any commitment of an agreement, each with its commitment's id. */
  cardsOfAgreement(agreementId: string): Promise<Array<LinkedCardDto & { commitmentId: string }>> {
    return this.dataSource.query(
      `${LINKED_CARD_SELECT.replace('SELECT ', 'SELECT cd.commitment_id AS "commitmentId", ')}
        WHERE cd.commitment_id IN (SELECT id FROM commitments WHERE agreement_id = $1) AND cd.archived_at IS NULL ORDER BY cd.created_at, cd.id`,
      [agreementId],
    );
  }

  /**
   * A batch of the export: up to `limit` commitments after `after` (agreement id, commitment id) among
   * those `conditions` (on agreements `a`) allow, one row per indicator (one row without indicators),
   * with each indicator's latest reported and latest verified measurement.
   */
  exportBatch(conditions: string[], params: Record<string, unknown>, limit: number, after?: { agreementId: string; commitmentId: string }): Promise<ExportRow[]> {
    const where = [...conditions];
    if (after) where.push('(c.agreement_id, c.id) > (:afterAgreement, :afterCommitment)');
    const sql = `SELECT c.agreement_id AS "agreementId", c.id AS "commitmentId", w.title AS agreement, a.reference_code AS "referenceCode",
        a.status AS "agreementStatus", c.text AS commitment, o.name AS responsible, c.thematic_area AS area, c.status, c.due_on::text AS "dueOn",
        i.name AS indicator, i.unit, i.baseline::float8 AS baseline, i.target::float8 AS target,
        i.reported_value::float8 AS "reportedValue", i.reported_period_end::text AS "reportedPeriodEnd",
        i.verified_value::float8 AS "verifiedValue", i.verified_period_end::text AS "verifiedPeriodEnd"
      FROM (
        SELECT c.* FROM commitments c JOIN agreements a ON a.workspace_id = c.agreement_id
         WHERE ${where.join(' AND ')} ORDER BY c.agreement_id, c.id LIMIT :limit
      ) c
      JOIN agreements a ON a.workspace_id = c.agreement_id
      JOIN workspaces w ON w.id = a.workspace_id
      JOIN organizations o ON o.id = c.responsible_organization_id
      LEFT JOIN indicators i ON i.commitment_id = c.id
      ORDER BY c.agreement_id, c.id, i.created_at, i.id`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(
      sql,
      { ...params, limit, afterAgreement: after?.agreementId, afterCommitment: after?.commitmentId },
    );
    return this.dataSource.query(text, values);
  }
}

export interface ExportRow {
  agreementId: string;
  commitmentId: string;
  agreement: string;
  referenceCode: string | null;
  agreementStatus: AgreementStatus;
  commitment: string;
  responsible: string;
  area: ThematicArea;
  status: CommitmentStatus;
  dueOn: string | null;
  indicator: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  reportedValue: number | null;
  reportedPeriodEnd: string | null;
  verifiedValue: number | null;
  verifiedPeriodEnd: string | null;
}
