import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence no measurement names yet, oldest first: what the orphan-evidence job looks for, without scanning every file. */
export class IndexUnattachedEvidence1796810000001 implements MigrationInterface {
  name = 'IndexUnattachedEvidence1796810000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX evidence_files_unattached_idx ON evidence_files (created_at) WHERE measurement_id IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX evidence_files_unattached_idx`);
  }
}
