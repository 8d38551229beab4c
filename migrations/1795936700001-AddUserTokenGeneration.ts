import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens carry the account's token generation; disabling the account increments it, so tokens issued
 * before the disabling stay refused after the account is enabled again. A constant default adds the column
 * without rewriting the table.
 */
export class AddUserTokenGeneration1795936700001 implements MigrationInterface {
  name = 'AddUserTokenGeneration1795936700001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN token_generation integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN token_generation`);
  }
}
