import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The start page's "assigned to me" looks cards up by assignee across the person's workspaces: a GIN index
 * on the live cards' assignee arrays answers `assignee_ids @> ARRAY[me]` without reading every card. Built
 * CONCURRENTLY so card writes are not blocked while it builds; that cannot run inside a transaction.
 */
export class IndexCardAssignees1796520000000 implements MigrationInterface {
  name = 'IndexCardAssignees1796520000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS cards_assignee_ids_idx`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY cards_assignee_ids_idx ON cards USING gin (assignee_ids) WHERE archived_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS cards_assignee_ids_idx`);
  }
}
