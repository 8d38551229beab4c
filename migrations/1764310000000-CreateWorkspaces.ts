import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkspaces1764310000000 implements MigrationInterface {
  name = 'CreateWorkspaces1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('case', 'agreement', 'coordination')),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        lead_organization_id uuid REFERENCES organizations (id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE workspace_members (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        role text NOT NULL CHECK (role IN ('owner', 'coordinator', 'contributor', 'observer')),
        sensitive_access boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX workspace_members_user_id_idx ON workspace_members (user_id)`);
    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('owner', 'coordinator', 'contributor', 'observer')),
        organization_id uuid REFERENCES organizations (id),
        message text,
        token_hash text NOT NULL,
        invited_by uuid NOT NULL REFERENCES users (id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'revoked')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        responded_at timestamptz,
        accepted_by uuid REFERENCES users (id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await queryRunner.query(`CREATE INDEX invitations_workspace_id_status_idx ON invitations (workspace_id, status)`);
    // The event log: one gap-free sequence per workspace, each event chained to the previous by its hash.
    await queryRunner.query(`
      CREATE TABLE workspace_event_heads (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0,
        hash text NOT NULL DEFAULT ''
      )`);
    await queryRunner.query(`
      CREATE TABLE workspace_events (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        payload jsonb NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (workspace_id, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE workspace_events`);
    await queryRunner.query(`DROP TABLE workspace_event_heads`);
    await queryRunner.query(`DROP TABLE invitations`);
    await queryRunner.query(`DROP TABLE workspace_members`);
    await queryRunner.query(`DROP TABLE workspaces`);
  }
}
