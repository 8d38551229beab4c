import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's two tracks: assistance services (requested, given, ended, with dates and provider) and the
 * criminal-justice track's dated entries; organisations flagged law enforcement (police, prosecutors), whose people
 * read the assistance track only with an owner's per-member `assistance_access` grant.
 */
export class CreateCaseTracks1796800000000 implements MigrationInterface {
  name = 'CreateCaseTracks1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organizations ADD COLUMN law_enforcement boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE workspace_members ADD COLUMN assistance_access boolean NOT NULL DEFAULT false`);

    await queryRunner.query(`
      CREATE TABLE case_assistance_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (workspace_id) ON DELETE CASCADE,
        service text NOT NULL
          CHECK (service IN ('shelter', 'health', 'legal_aid', 'psychosocial', 'documentation', 'repatriation', 'labour_insertion')),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'given', 'ended')),
        requested_on date NOT NULL,
        started_on date,
        ended_on date,
        provider_organization_id uuid REFERENCES organizations (id),
        note text,
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_assistance_started CHECK ((status = 'requested') = (started_on IS NULL AND ended_on IS NULL)),
        CONSTRAINT case_assistance_ended CHECK ((status = 'ended') = (ended_on IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX case_assistance_case_idx ON case_assistance_services (case_id, requested_on, id)`);

    await queryRunner.query(`
      CREATE TABLE case_justice_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (workspace_id) ON DELETE CASCADE,
        step text NOT NULL CHECK (step IN ('complaint', 'investigation', 'proceedings', 'outcome')),
        "on" date NOT NULL,
        authority_organization_id uuid REFERENCES organizations (id),
        reference text,
        note text,
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_justice_case_idx ON case_justice_entries (case_id, "on", id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_justice_entries`);
    await queryRunner.query(`DROP TABLE case_assistance_services`);
    await queryRunner.query(`ALTER TABLE workspace_members DROP COLUMN assistance_access`);
    await queryRunner.query(`ALTER TABLE organizations DROP COLUMN law_enforcement`);
  }
}
