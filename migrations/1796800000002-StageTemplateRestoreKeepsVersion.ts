import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restoring an organisation's stage template to the defaults keeps its row, with no tasks, and counts on its
 * version: deleting it restarted the count, so an editor still holding an older version could save over a newer
 * adaptation without a conflict.
 */
export class StageTemplateRestoreKeepsVersion1796800000002 implements MigrationInterface {
  name = 'StageTemplateRestoreKeepsVersion1796800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organization_stage_templates ALTER COLUMN tasks DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM organization_stage_templates WHERE tasks IS NULL`);
    await queryRunner.query(`ALTER TABLE organization_stage_templates ALTER COLUMN tasks SET NOT NULL`);
  }
}
