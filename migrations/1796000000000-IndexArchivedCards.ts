import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A board's archived cards are listed newest first, a page at a time; open cards, which the board reads,
 * are left out of the index. Built CONCURRENTLY so card writes are not blocked while it builds; that
 * cannot run inside a transaction.
 */
export class IndexArchivedCards1796000000000 implements MigrationInterface {
  name = 'IndexArchivedCards1796000000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    // An interrupted concurrent build leaves an invalid index behind under this name: start over.
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS cards_board_archived_idx`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY cards_board_archived_idx ON cards (board_id, archived_at DESC, id DESC) WHERE archived_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS cards_board_archived_idx`);
  }
}
