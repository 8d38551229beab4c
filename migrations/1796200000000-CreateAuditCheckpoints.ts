import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed audit checkpoints: a workspace's head (seq and hash) signed with a key the database never sees.
 * One per (workspace, seq), so two processes checkpointing the same head store it once.
 */
export class CreateAuditCheckpoints1796200000000 implements MigrationInterface {
  name = 'CreateAuditCheckpoints1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        seq bigint NOT NULL CHECK (seq > 0),
        hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL,
        PRIMARY KEY (workspace_id, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_checkpoints`);
  }
}
