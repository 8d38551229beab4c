import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reflection and recovery period: its length per country (30 days where none is set), and on each case the
 * day it started and the length it got then, so a later change of the country's setting does not move a period
 * already running.
 */
export class AddCaseReflectionPeriod1796700000001 implements MigrationInterface {
  name = 'AddCaseReflectionPeriod1796700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_country_settings (
        country char(2) PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
        reflection_days integer NOT NULL CHECK (reflection_days BETWEEN 1 AND 365),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN reflection_started_on date, ADD COLUMN reflection_days integer`);
    await queryRunner.query(`ALTER TABLE cases ADD CONSTRAINT cases_reflection CHECK ((reflection_started_on IS NULL) = (reflection_days IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_reflection`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN reflection_started_on, DROP COLUMN reflection_days`);
    await queryRunner.query(`DROP TABLE case_country_settings`);
  }
}
