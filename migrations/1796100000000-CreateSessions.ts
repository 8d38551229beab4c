import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session per sign-in, named by every access token it issues (`sid`), so that logout, refresh-token reuse
 * and disabling an account refuse its access tokens at the next request instead of when they expire. Its id
 * is the refresh-token family id; every existing family gets its session, ended if all its tokens are revoked.
 */
export class CreateSessions1796100000000 implements MigrationInterface {
  name = 'CreateSessions1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);
    await queryRunner.query(`
      INSERT INTO sessions (id, user_id, ended_at)
      SELECT family_id, (array_agg(user_id))[1], CASE WHEN bool_and(revoked_at IS NOT NULL) THEN now() END
        FROM refresh_tokens GROUP BY family_id`);
    await queryRunner.query(`
      ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_family_id_fkey
        FOREIGN KEY (family_id) REFERENCES sessions (id) ON DELETE CASCADE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_family_id_fkey`);
    await queryRunner.query(`DROP TABLE sessions`);
  }
}
