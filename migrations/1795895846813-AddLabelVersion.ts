import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Labels became editable (rename, recolour), and every editable entity carries a version. */
export class AddLabelVersion1795895846813 implements MigrationInterface {
  name = 'AddLabelVersion1795895846813';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE board_labels ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE board_labels DROP COLUMN version`);
  }
}
