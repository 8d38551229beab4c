import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in (an authenticator secret per account, its last accepted time step so a code is not
 * accepted twice, hashed single-use recovery codes), the organisation setting that requires it, password
 * reset tokens (hashed, single use, expiring), and what the sessions page shows of each session.
 */
export class AddSignInSecurity1796300000000 implements MigrationInterface {
  name = 'AddSignInSecurity1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint`);
    await queryRunner.query(`ALTER TABLE organizations ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX recovery_codes_user_id_idx ON recovery_codes (user_id)`);
    await queryRunner.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX password_resets_user_id_idx ON password_resets (user_id)`);
    await queryRunner.query(`
      ALTER TABLE sessions
        ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN user_agent text,
        ADD COLUMN address text`);
    await queryRunner.query(`UPDATE sessions SET last_seen_at = created_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN last_seen_at, DROP COLUMN user_agent, DROP COLUMN address`);
    await queryRunner.query(`DROP TABLE password_resets`);
    await queryRunner.query(`DROP TABLE recovery_codes`);
    await queryRunner.query(`ALTER TABLE organizations DROP COLUMN require_two_factor`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step`);
  }
}
