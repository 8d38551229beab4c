import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The party organisation an agreement's invitation is sent on behalf of: only suggested to the invitee as
 * theirs. Unlike `organization_id` (set by that organisation's admin) it puts nobody into the organisation.
 */
export class AddInvitationPartyOrganization1796810000000 implements MigrationInterface {
  name = 'AddInvitationPartyOrganization1796810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invitations ADD COLUMN party_organization_id uuid REFERENCES organizations (id) ON DELETE SET NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invitations DROP COLUMN party_organization_id`);
  }
}
