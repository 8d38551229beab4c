import { Injectable } from '@nestjs/common';
import type { CaseStatisticDimension, OrganizationKind } from '@enlace/shared';
import { DataSource } from 'typeorm';
import type { Cell } from './suppression.js';

/** The value of each dimension per case, as SQL over `cases c` (a case counts once per exploitation type). */
const DIMENSION_SQL: Record<CaseStatisticDimension, { key: string; from: string }> = {
  stage: { key: 'c.stage', from: 'cases c' },
  exploitationType: { key: 't.type', from: 'cases c CROSS JOIN LATERAL unnest(c.exploitation_types) AS t(type)' },
  jurisdiction: { key: 'c.jurisdiction', from: 'cases c' },
  month: { key: `to_char(COALESCE(c.identified_on, (c.created_at AT TIME ZONE 'UTC')::date), 'YYYY-MM')`, from: 'cases c' },
};

/** Counts over every case of the hub: only ever served suppressed (statistics.service.ts). */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async organizationKind(organizationId: string): Promise<OrganizationKind | undefined> {
    const rows: Array<{ kind: OrganizationKind }> = await this.dataSource.query(`SELECT kind FROM organizations WHERE id = $1`, [organizationId]);
    return rows[0]?.kind;
  }

  /** One snapshot: the counts per value of `by` and the number of cases agree with each other. */
  async counts(by: CaseStatisticDimension): Promise<{ cells: Cell[]; total: number }> {
    const { key, from } = DIMENSION_SQL[by];
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const cells: Cell[] = await manager.query(`SELECT ${key} AS key, count(*)::int AS count FROM ${from} GROUP BY 1 ORDER BY 1`);
      const [{ total }]: Array<{ total: number }> = await manager.query(`SELECT count(*)::int AS total FROM cases`);
      return { cells, total };
    });
  }
}
