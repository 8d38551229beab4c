import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How people without an organisation come to belong to one: an organisation's verified e-mail domains
 * (each domain one organisation's at most), requests to join an organisation that its admins approve or
 * reject (one pending request per person), and the platform-level event log those changes append to —
 * the workspace log's form (gap-free seq under a head row's lock, each event hash-chained to the previous).
 */
export class CreateOrganizationAffiliation1796510000000 implements MigrationInterface {
  name = 'CreateOrganizationAffiliation1796510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_domains (
        domain text PRIMARY KEY CHECK (domain = lower(domain)),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX organization_domains_organization_id_idx ON organization_domains (organization_id)`);
    await queryRunner.query(`
      CREATE TABLE organization_join_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by uuid REFERENCES users (id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organization_join_requests_pending_key ON organization_join_requests (user_id) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX organization_join_requests_organization_idx ON organization_join_requests (organization_id, status)`);
    await queryRunner.query(`
      CREATE TABLE platform_event_head (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        seq bigint NOT NULL DEFAULT 0,
        hash text NOT NULL DEFAULT ''
      )`);
    await queryRunner.query(`INSERT INTO platform_event_head DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE TABLE platform_events (
        seq bigint PRIMARY KEY,
        type text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        organization_id uuid,
        payload jsonb NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE platform_events`);
    await queryRunner.query(`DROP TABLE platform_event_head`);
    await queryRunner.query(`DROP TABLE organization_join_requests`);
    await queryRunner.query(`DROP TABLE organization_domains`);
  }
}
