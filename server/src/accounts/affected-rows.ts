import type { EntityManager } from 'typeorm';

/** Runs an UPDATE or DELETE and tells how many rows it changed (TypeORM answers `[rows, rowCount]` for those two). */
export async function affectedRows(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [, count] = (await manager.query(sql, params)) as [unknown[], number];
  return count;
}

