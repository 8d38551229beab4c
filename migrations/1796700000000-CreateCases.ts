import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases: one pseudonymous record per case workspace (its id is the workspace's), a code counter per country
 * and year (a code is never reused), stage transitions, the sensitive fields encrypted under a data key per
 * case (wrapped by a master key outside the database; destroying the wrapped key erases them), consents and
 * referrals to other organisations, and who joined a case through each referral.
 */
export class CreateCases1796700000000 implements MigrationInterface {
  name = 'CreateCases1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_code_counters (
        country char(2) NOT NULL,
        year integer NOT NULL,
        last_number integer NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (country, year)
      )`);

    await queryRunner.query(`
      CREATE TABLE cases (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        code text NOT NULL UNIQUE,
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        lead_organization_id uuid REFERENCES organizations (id),
        stage text NOT NULL DEFAULT 'identified'
          CHECK (stage IN ('identified', 'assessment', 'assistance', 'inclusion', 'return', 'closed')),
        exploitation_types text[] NOT NULL DEFAULT '{}'
          CHECK (exploitation_types <@ ARRAY['sexual', 'labour', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'forced_marriage', 'organ_removal', 'other']),
        jurisdiction text,
        identified_on date,
        risk_level text NOT NULL DEFAULT 'unknown' CHECK (risk_level IN ('unknown', 'low', 'medium', 'high')),
        consent_data_sharing boolean NOT NULL DEFAULT false,
        consent_referral boolean NOT NULL DEFAULT false,
        cooperates_with_authorities boolean,
        sensitive_version integer NOT NULL DEFAULT 1,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_closed_at CHECK ((stage = 'closed') = (closed_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX cases_updated_idx ON cases (updated_at DESC, workspace_id DESC)`);
    await queryRunner.query(`CREATE INDEX cases_closed_idx ON cases (closed_at) WHERE closed_at IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE case_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (workspace_id) ON DELETE CASCADE,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        reason text,
        actor_id uuid NOT NULL REFERENCES users (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_transitions_case_idx ON case_transitions (case_id, at)`);

    await queryRunner.query(`
      CREATE TABLE case_data_keys (
        case_id uuid PRIMARY KEY REFERENCES cases (workspace_id) ON DELETE CASCADE,
        master_key_id text,
        wrapped bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        CONSTRAINT case_data_keys_destroyed CHECK ((wrapped IS NULL) = (destroyed_at IS NOT NULL) AND (wrapped IS NULL) = (master_key_id IS NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE case_sensitive_fields (
        case_id uuid NOT NULL REFERENCES cases (workspace_id) ON DELETE CASCADE,
        field text NOT NULL CHECK (field IN ('alias', 'ageOrBirthYear', 'nationality', 'contact', 'exactLocation', 'restrictedNotes')),
        ciphertext bytea NOT NULL,
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, field)
      )`);

    await queryRunner.query(`
      CREATE TABLE case_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (workspace_id) ON DELETE CASCADE,
        recipient_organization_id uuid NOT NULL REFERENCES organizations (id),
        purpose text NOT NULL CHECK (purpose IN ('shelter', 'health', 'legal_aid', 'psychosocial', 'documentation', 'repatriation', 'labour_insertion')),
        given_by text CHECK (given_by IN ('person', 'guardian', 'legal_representative')),
        given_on date NOT NULL,
        valid_until date NOT NULL,
        shared_fields text[] NOT NULL DEFAULT '{}'
          CHECK (shared_fields <@ ARRAY['alias', 'ageOrBirthYear', 'nationality', 'contact', 'exactLocation', 'restrictedNotes']),
        life_risk_exception boolean NOT NULL DEFAULT false,
        justification text,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id),
        revoke_reason text,
        CONSTRAINT case_consents_given CHECK (CASE WHEN life_risk_exception THEN justification IS NOT NULL ELSE given_by IS NOT NULL END),
        CONSTRAINT case_consents_dates CHECK (valid_until >= given_on)
      )`);
    await queryRunner.query(`CREATE INDEX case_consents_case_idx ON case_consents (case_id, recipient_organization_id, purpose)`);

    await queryRunner.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (workspace_id) ON DELETE CASCADE,
        consent_id uuid NOT NULL REFERENCES case_consents (id),
        from_organization_id uuid NOT NULL REFERENCES organizations (id),
        to_organization_id uuid NOT NULL REFERENCES organizations (id),
        service text NOT NULL,
        urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent', 'emergency')),
        note text,
        status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'completed', 'withdrawn')),
        decline_reason text,
        completion_note text,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        completed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT referrals_not_to_self CHECK (from_organization_id <> to_organization_id)
      )`);
    await queryRunner.query(`CREATE INDEX referrals_case_idx ON referrals (case_id, created_at)`);
    await queryRunner.query(`CREATE INDEX referrals_inbox_idx ON referrals (to_organization_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX referrals_consent_idx ON referrals (consent_id)`);

    await queryRunner.query(`
      CREATE TABLE referral_members (
        referral_id uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (referral_id, user_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_members`);
    await queryRunner.query(`DROP TABLE referrals`);
    await queryRunner.query(`DROP TABLE case_consents`);
    await queryRunner.query(`DROP TABLE case_sensitive_fields`);
    await queryRunner.query(`DROP TABLE case_data_keys`);
    await queryRunner.query(`DROP TABLE case_transitions`);
    await queryRunner.query(`DROP TABLE cases`);
    await queryRunner.query(`DROP TABLE case_code_counters`);
  }
}
