import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations' adaptations of the stage templates, per stage and language; the defaults live in the code. */
export class CreateStageTemplates1796800000001 implements MigrationInterface {
  name = 'CreateStageTemplates1796800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_stage_templates (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('identified', 'assessment', 'assistance', 'inclusion', 'return', 'closed')),
        locale text NOT NULL CHECK (locale IN ('en', 'es', 'pt', 'fr')),
        tasks text[] NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, stage, locale)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organization_stage_templates`);
  }
}
