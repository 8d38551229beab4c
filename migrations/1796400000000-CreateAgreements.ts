import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements: one record per agreement workspace (its id is the workspace's), its parties, lifecycle
 * transitions, amendments, commitments and their progress history. A commitment's responsible
 * organisation references the agreement's parties, so it cannot name an organisation that is not one;
 * `cards.commitment_id`, unused until now, becomes a real link to a commitment.
 */
export class CreateAgreements1796400000000 implements MigrationInterface {
  name = 'CreateAgreements1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agreements (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        lead_organization_id uuid REFERENCES organizations (id),
        kind text NOT NULL CHECK (kind IN ('mou', 'cooperation_agreement', 'bilateral', 'multilateral', 'protocol')),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'negotiation', 'signed', 'in_force', 'suspended', 'expired', 'terminated')),
        reference_code text,
        summary text NOT NULL DEFAULT '',
        terms text NOT NULL DEFAULT '',
        terms_version integer NOT NULL DEFAULT 0 CHECK (terms_version >= 0),
        thematic_areas text[] NOT NULL DEFAULT '{}'
          CHECK (thematic_areas <@ ARRAY['prevention', 'protection', 'assistance', 'restoration_of_rights', 'prosecution', 'cooperation']),
        countries text[] NOT NULL DEFAULT '{}',
        jurisdictions text[] NOT NULL DEFAULT '{}',
        signed_on date,
        effective_from date,
        expires_on date,
        next_review_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agreements_dates_in_order CHECK (expires_on >= effective_from)
      )`);
    // Unique per lead organisation; agreements without a code never collide.
    await queryRunner.query(`CREATE UNIQUE INDEX agreements_reference_code_key ON agreements (lead_organization_id, reference_code) WHERE reference_code IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX agreements_updated_idx ON agreements (updated_at DESC, workspace_id DESC)`);

    await queryRunner.query(`
      CREATE TABLE agreement_parties (
        agreement_id uuid NOT NULL REFERENCES agreements (workspace_id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        role text NOT NULL CHECK (role IN ('signatory', 'implementing', 'observer')),
        contact_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        signed_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, organization_id)
      )`);
    await queryRunner.query(`CREATE INDEX agreement_parties_organization_idx ON agreement_parties (organization_id)`);

    await queryRunner.query(`
      CREATE TABLE agreement_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (workspace_id) ON DELETE CASCADE,
        from_status text NOT NULL,
        to_status text NOT NULL,
        reason text,
        actor_id uuid NOT NULL REFERENCES users (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX agreement_transitions_agreement_idx ON agreement_transitions (agreement_id, at)`);

    await queryRunner.query(`
      CREATE TABLE agreement_amendments (
        agreement_id uuid NOT NULL REFERENCES agreements (workspace_id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        amended_on date NOT NULL,
        summary text NOT NULL,
        terms text NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, number)
      )`);

    await queryRunner.query(`
      CREATE TABLE commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (workspace_id) ON DELETE CASCADE,
        text text NOT NULL,
        responsible_organization_id uuid NOT NULL,
        thematic_area text NOT NULL
          CHECK (thematic_area IN ('prevention', 'protection', 'assistance', 'restoration_of_rights', 'prosecution', 'cooperation')),
        due_on date,
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'blocked')),
        blocked_reason text,
        budget_allocated numeric(18, 2) CHECK (budget_allocated >= 0),
        budget_executed numeric(18, 2) CHECK (budget_executed >= 0),
        currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
        staff_assigned integer CHECK (staff_assigned >= 0),
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT commitments_responsible_party_fkey FOREIGN KEY (agreement_id, responsible_organization_id)
          REFERENCES agreement_parties (agreement_id, organization_id),
        CONSTRAINT commitments_blocked_reason CHECK ((status = 'blocked') = (blocked_reason IS NOT NULL)),
        CONSTRAINT commitments_budget_currency CHECK ((budget_allocated IS NULL AND budget_executed IS NULL) OR currency IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX commitments_agreement_idx ON commitments (agreement_id, created_at)`);
    await queryRunner.query(`CREATE INDEX commitments_responsible_idx ON commitments (agreement_id, responsible_organization_id)`);

    await queryRunner.query(`
      CREATE TABLE commitment_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
        note text NOT NULL,
        status_from text NOT NULL,
        status_to text NOT NULL,
        blocked_reason text,
        author_id uuid NOT NULL REFERENCES users (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX commitment_progress_commitment_idx ON commitment_progress (commitment_id, at)`);

    await queryRunner.query(`UPDATE cards SET commitment_id = NULL WHERE commitment_id IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE cards ADD CONSTRAINT cards_commitment_id_fkey
        FOREIGN KEY (commitment_id) REFERENCES commitments (id) ON DELETE SET NULL`);
    await queryRunner.query(`CREATE INDEX cards_commitment_idx ON cards (commitment_id) WHERE commitment_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cards_commitment_idx`);
    await queryRunner.query(`ALTER TABLE cards DROP CONSTRAINT cards_commitment_id_fkey`);
    await queryRunner.query(`DROP TABLE commitment_progress`);
    await queryRunner.query(`DROP TABLE commitments`);
    await queryRunner.query(`DROP TABLE agreement_amendments`);
    await queryRunner.query(`DROP TABLE agreement_transitions`);
    await queryRunner.query(`DROP TABLE agreement_parties`);
    await queryRunner.query(`DROP TABLE agreements`);
  }
}
