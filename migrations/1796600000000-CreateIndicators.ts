import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicators of a commitment, their measurements and the evidence files behind them; the "done" flag of
 * a board column; and a card's link to a commitment held to the card's own agreement.
 *
 * A measurement is never updated once verified: a correction is a new row naming the one it supersedes
 * (`supersedes_id`, unique, so a measurement is superseded at most once). Evidence bytes live in
 * PostgreSQL, in chunks of their own table, so they stream in and out without ever being held whole and
 * the embedded mode and backups need nothing else.
 */
export class CreateIndicators1796600000000 implements MigrationInterface {
  name = 'CreateIndicators1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE board_columns ADD COLUMN done boolean NOT NULL DEFAULT false`);

    // A card may only name a commitment of the agreement its own workspace is.
    await queryRunner.query(`CREATE UNIQUE INDEX commitments_id_agreement_key ON commitments (id, agreement_id)`);
    await queryRunner.query(`ALTER TABLE cards DROP CONSTRAINT cards_commitment_id_fkey`);
    await queryRunner.query(`
      UPDATE cards c SET commitment_id = NULL
        WHERE commitment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM commitments m WHERE m.id = c.commitment_id AND m.agreement_id = c.workspace_id)`);
    await queryRunner.query(`
      ALTER TABLE cards ADD CONSTRAINT cards_commitment_fkey
        FOREIGN KEY (commitment_id, workspace_id) REFERENCES commitments (id, agreement_id) ON DELETE SET NULL (commitment_id)`);

    await queryRunner.query(`
      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
        name text NOT NULL,
        unit text NOT NULL,
        category text NOT NULL CHECK (category IN ('structure', 'process', 'result')),
        direction text NOT NULL CHECK (direction IN ('increase', 'decrease')),
        baseline numeric(20, 4) NOT NULL,
        target numeric(20, 4) NOT NULL,
        frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'semiannual', 'annual', 'once')),
        means_of_verification text NOT NULL DEFAULT '',
        -- The latest current measurement's value and period end, and the latest current verified one's:
        -- kept in the transaction that records or reviews a measurement (the indicator row locked), so
        -- the portfolio's progress needs no lookup per measurement.
        reported_value numeric(20, 4),
        reported_period_end date,
        verified_value numeric(20, 4),
        verified_period_end date,
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicators_target_direction CHECK ((direction = 'increase' AND target > baseline) OR (direction = 'decrease' AND target < baseline))
      )`);
    await queryRunner.query(`CREATE INDEX indicators_commitment_idx ON indicators (commitment_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        period_start date NOT NULL,
        period_end date NOT NULL,
        value numeric(20, 4) NOT NULL,
        note text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'verified', 'disputed')),
        supersedes_id uuid UNIQUE REFERENCES measurements (id),
        reported_by uuid NOT NULL REFERENCES users (id),
        reported_by_organization_id uuid REFERENCES organizations (id),
        reviewed_by uuid REFERENCES users (id),
        reviewed_by_organization_id uuid REFERENCES organizations (id),
        reviewed_at timestamptz,
        dispute_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT measurements_period_in_order CHECK (period_end >= period_start),
        CONSTRAINT measurements_dispute_reason CHECK ((status = 'disputed') = (dispute_reason IS NOT NULL)),
        CONSTRAINT measurements_reviewed CHECK ((status = 'reported') = (reviewed_by IS NULL))
      )`);
    // The latest measurement of an indicator: by the end of its period, then by when it was recorded.
    await queryRunner.query(`CREATE INDEX measurements_indicator_idx ON measurements (indicator_id, period_end DESC, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
        measurement_id uuid REFERENCES measurements (id) ON DELETE CASCADE,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX evidence_files_commitment_idx ON evidence_files (commitment_id)`);
    await queryRunner.query(`CREATE INDEX evidence_files_measurement_idx ON evidence_files (measurement_id) WHERE measurement_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE evidence_chunks (
        file_id uuid NOT NULL REFERENCES evidence_files (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evidence_chunks`);
    await queryRunner.query(`DROP TABLE evidence_files`);
    await queryRunner.query(`DROP TABLE measurements`);
    await queryRunner.query(`DROP TABLE indicators`);
    await queryRunner.query(`ALTER TABLE cards DROP CONSTRAINT cards_commitment_fkey`);
    await queryRunner.query(`
      ALTER TABLE cards ADD CONSTRAINT cards_commitment_id_fkey
        FOREIGN KEY (commitment_id) REFERENCES commitments (id) ON DELETE SET NULL`);
    await queryRunner.query(`DROP INDEX commitments_id_agreement_key`);
    await queryRunner.query(`ALTER TABLE board_columns DROP COLUMN done`);
  }
}
