import { Injectable } from '@nestjs/common';
import type { CommitmentStateDto, ProgressUpdateDto } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { isForeignKeyViolation } from '../common/database/unique-violation.js';
import { CommitmentEntity, ProgressEntity } from './agreement.entities.js';

export type CommitmentRow = Omit<CommitmentStateDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
export type ProgressRow = Omit<ProgressUpdateDto, 'at'> & { at: Date };

/** Dates and amounts as text: no time zone shifts a due date, no float rounds a budget. */
const COMMITMENT_SELECT = `SELECT id, agreement_id AS "agreementId", text, responsible_organization_id AS "responsibleOrganizationId",
  thematic_area AS "thematicArea", due_on::text AS "dueOn", status, blocked_reason AS "blockedReason",
  budget_allocated::text AS "budgetAllocated", budget_executed::text AS "budgetExecuted", currency, staff_assigned AS "staffAssigned",
  version, created_at AS "createdAt", updated_at AS "updatedAt"
  FROM commitments`;

const PROGRESS_SELECT = `SELECT id, commitment_id AS "commitmentId", note, status_from AS "statusFrom", status_to AS "statusTo",
  blocked_reason AS "blockedReason", author_id AS "authorId", at
  FROM commitment_progress`;

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
    const rows: CommitmentRow[] = await manager.query(`${COMMITMENT_SELECT} WHERE id = $1`, [id]);
    return rows[0];
  }

  ofAgreement(agreementId: string): Promise<CommitmentRow[]> {
    return this.dataSource.query(`${COMMITMENT_SELECT} WHERE agreement_id = $1 ORDER BY created_at, id`, [agreementId]);
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
}
