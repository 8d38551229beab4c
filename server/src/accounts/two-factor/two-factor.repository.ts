import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { affectedRows } from '../affected-rows.js';

/** The authenticator columns of `users` and the `recovery_codes` table; codes are stored only as hashes. */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Starts (or restarts) an enrolment; false when the account already has an active second factor. */
  async setPendingSecret(userId: string, secret: string): Promise<boolean> {
    const count = await affectedRows(
      this.dataSource.manager,
      `UPDATE users SET totp_secret = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL`,
      [userId, secret],
    );
    return count === 1;
  }

  /** Activates the pending secret and replaces the recovery codes, together; false if it was not pending. */
  async activate(userId: string, step: number, codeHashes: string[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const count = await affectedRows(
        manager,
        `UPDATE users SET totp_enabled_at = now(), totp_last_step = $2 WHERE id = $1 AND totp_enabled_at IS NULL AND totp_secret IS NOT NULL`,
        [userId, step],
      );
      if (count !== 1) return false;
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
      await manager.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, codeHashes]);
      return true;
    });
  }

  /**
   * Records the step of an accepted code, only if it is later than the last one: of two requests with the
   * same code, exactly one gets true (the check and the write are one statement).
   */
  async acceptStep(userId: string, step: number): Promise<boolean> {
    const count = await affectedRows(
      this.dataSource.manager,
      `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [userId, step],
    );
    return count === 1;
  }

  /** Uses up an unused recovery code of the account; false if it has none with this hash (or another request took it). */
  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const count = await affectedRows(
      this.dataSource.manager,
      `UPDATE recovery_codes SET used_at = now()
        WHERE id = (SELECT id FROM recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL LIMIT 1) AND used_at IS NULL`,
      [userId, codeHash],
    );
    return count === 1;
  }

  async remove(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1`, [userId]);
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    });
  }
}
