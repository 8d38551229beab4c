import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The home page's inbox and unread counts, and the language of an invitation's e-mail: each member's last
 * seen event (existing members start with everything seen, so nobody opens the release to a wall of
 * "unread"), the invitations addressed to an e-mail found by it, and the language an invitation was sent in.
 */
export class AddInboxAndLanguage1796500000000 implements MigrationInterface {
  name = 'AddInboxAndLanguage1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE workspace_members ADD COLUMN last_seen_seq bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`UPDATE workspace_members m SET last_seen_seq = h.seq FROM workspace_event_heads h WHERE h.workspace_id = m.workspace_id`);
    await queryRunner.query(`ALTER TABLE invitations ADD COLUMN locale text CHECK (locale IN ('en', 'es', 'pt', 'fr'))`);
    await queryRunner.query(`CREATE INDEX invitations_email_status_idx ON invitations (email, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX invitations_email_status_idx`);
    await queryRunner.query(`ALTER TABLE invitations DROP COLUMN locale`);
    await queryRunner.query(`ALTER TABLE workspace_members DROP COLUMN last_seen_seq`);
  }
}
