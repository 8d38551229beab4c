import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disabling an account revokes all of its refresh tokens by `user_id`, which without this index scans the
 * whole table (one row per sign-in and per refresh). Built CONCURRENTLY so sign-ins and refreshes are not
 * blocked while it builds; that cannot run inside a transaction.
 */
export class IndexRefreshTokensUserId1795936700000 implements MigrationInterface {
  name = 'IndexRefreshTokensUserId1795936700000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    // An interrupted concurrent build leaves an invalid index behind under this name: start over.
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS refresh_tokens_user_id_idx`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY refresh_tokens_user_id_idx ON refresh_tokens (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS refresh_tokens_user_id_idx`);
  }
}
