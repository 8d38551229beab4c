import { Injectable } from '@nestjs/common';
import type { CaseStage, Locale } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';

export interface StageTemplateRow {
  /** Null once restored to the defaults: the row stays, so its version keeps counting. */
  tasks: string[] | null;
  version: number;
}

/** Organisations' adapted stage templates, per stage and language. */
@Injectable()
export class StageTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The organisation's template row, or undefined where it never adapted it; `lock` holds it until the transaction ends. */
  async find(manager: EntityManager, organizationId: string, stage: CaseStage, locale: Locale, lock = false): Promise<StageTemplateRow | undefined> {
    const rows: StageTemplateRow[] = await manager.query(
      `SELECT tasks, version FROM organization_stage_templates WHERE organization_id = $1 AND stage = $2 AND locale = $3 ${lock ? 'FOR UPDATE' : ''}`,
      [organizationId, stage, locale],
    );
    return rows[0];
  }

  /**
   * Compare-and-set: replaces the tasks (null: the defaults) at `version` (0: the organisation had no row, and a
   * concurrent first adaptation makes this one lose). False when someone else changed it first.
   */
  async replace(manager: EntityManager, key: { organizationId: string; stage: CaseStage; locale: Locale }, version: number, tasks: string[] | null, userId: string): Promise<boolean> {
    const params = [key.organizationId, key.stage, key.locale, tasks, userId];
    if (version === 0) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO organization_stage_templates (organization_id, stage, locale, tasks, updated_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
        params,
      );
      return inserted.length === 1;
    }
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE organization_stage_templates SET tasks = $4, updated_by = $5, updated_at = now(), version = version + 1
        WHERE organization_id = $1 AND stage = $2 AND locale = $3 AND version = $6`,
      [...params, version],
    );
    return updated === 1;
  }

}
