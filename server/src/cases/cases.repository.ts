import { Injectable } from '@nestjs/common';
import { DEFAULT_REFLECTION_DAYS, type CaseStage, type CaseStateDto, type CaseTransitionDto } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlFragment } from '../common/authorization/ability-sql.js';
import { CASE_COLUMNS, CASE_FROM, CaseEntity, CaseTransitionEntity } from './case.entities.js';

/** A case as read: its response shape with the timestamps still as dates, and the sensitive fields' version. */
export type CaseRow = Omit<CaseStateDto, 'createdAt' | 'updatedAt' | 'closedAt' | 'reflection'> & {
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  reflectionStartedOn: string | null;
  reflectionDays: number | null;
  sensitiveVersion: number;
};
export type CaseTransitionRow = Omit<CaseTransitionDto, 'at'> & { at: Date };
export type CaseChanges = Partial<Omit<CaseEntity, 'workspaceId' | 'code' | 'country' | 'leadOrganizationId' | 'version' | 'updatedAt'>>;

const TRANSITION_SELECT = `SELECT id, case_id AS "caseId", from_stage AS "from", to_stage AS "to", reason, actor_id AS "actorId", at FROM case_transitions`;

/** The case record, its code counters and stage transitions. */
@Injectable()
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next number of `country`'s cases in `year`: one counter row per country and year, incremented in the
   * creating transaction. Concurrent creates queue on the row, and a rolled-back create gives its number back
   * with it, so numbers are unique and no code once committed is ever handed out again.
   */
  async nextNumber(manager: EntityManager, country: string, year: number): Promise<number> {
    const rows: Array<{ last_number: number }> = await manager.query(
      `INSERT INTO case_code_counters (country, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (country, year) DO UPDATE SET last_number = case_code_counters.last_number + 1
       RETURNING last_number`,
      [country, year],
    );
    return rows[0].last_number;
  }

  async organizationCountry(manager: EntityManager, organizationId: string): Promise<string | undefined> {
    const rows: Array<{ country: string }> = await manager.query(`SELECT country FROM organizations WHERE id = $1`, [organizationId]);
    return rows[0]?.country;
  }

  /** The country's reflection period, 30 days where none is set. */
  async reflectionDays(country: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: Array<{ reflection_days: number }> = await manager.query(`SELECT reflection_days FROM case_country_settings WHERE country = $1`, [country]);
    return rows[0]?.reflection_days ?? DEFAULT_REFLECTION_DAYS;
  }

  async setReflectionDays(country: string, days: number, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_country_settings (country, reflection_days, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (country) DO UPDATE SET reflection_days = EXCLUDED.reflection_days, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [country, days, userId],
    );
  }

  async insert(manager: EntityManager, values: Omit<CaseEntity, 'stage' | 'sensitiveVersion' | 'closedAt' | 'version' | 'updatedAt'>): Promise<CaseRow> {
    await manager.getRepository(CaseEntity).insert(values);
    return (await this.find(values.workspaceId, manager))!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRow | undefined> {
    const rows: CaseRow[] = await manager.query(`SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE c.workspace_id = $1`, [id]);
    return rows[0];
  }

  /** Locks the case row until the transaction ends: stage checks, sensitive writes and referrals hold on it. */
  async lock(id: string, manager: EntityManager): Promise<CaseRow | undefined> {
    const rows: CaseRow[] = await manager.query(`SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE c.workspace_id = $1 FOR UPDATE OF c`, [id]);
    return rows[0];
  }

  /** Compare-and-set on `version`: undefined when someone else changed the case first. */
  async update(manager: EntityManager, id: string, version: number, changes: CaseChanges): Promise<CaseRow | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('workspace_id = :id AND version = :version', { id, version })
      .execute();
    return result.affected === 1 ? this.find(id, manager) : undefined;
  }

  /** A page of the cases `readable` (from the caller's ability) allows, newest change first. */
  async list(readable: SqlFragment, stage: CaseStage | undefined, limit: number, after?: string): Promise<CaseRow[]> {
    const conditions = [readable.sql];
    const params: Record<string, unknown> = { ...readable.params, limit };
    if (stage) {
      conditions.push('c.stage = :stage');
      params.stage = stage;
    }
    if (after) {
      conditions.push('(c.updated_at, c.workspace_id) < (SELECT updated_at, workspace_id FROM cases WHERE workspace_id = :after)');
      params.after = after;
    }
    const sql = `SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE ${conditions.join(' AND ')} ORDER BY c.updated_at DESC, c.workspace_id DESC LIMIT :limit`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(text, values);
  }

  async insertTransition(manager: EntityManager, values: Omit<CaseTransitionEntity, 'id'>): Promise<CaseTransitionRow> {
    const result = await manager.getRepository(CaseTransitionEntity).insert(values);
    const rows: CaseTransitionRow[] = await manager.query(`${TRANSITION_SELECT} WHERE id = $1`, [result.identifiers[0].id]);
    return rows[0];
  }

  transitions(caseId: string): Promise<CaseTransitionRow[]> {
    return this.dataSource.query(`${TRANSITION_SELECT} WHERE case_id = $1 ORDER BY at, id`, [caseId]);
  }
}
