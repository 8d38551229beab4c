import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RefreshTokensRepository } from '../refresh-tokens.repository.js';

/** Password reset tokens (table `password_resets`): only their SHA-256 is stored; each works once, until it expires. */
@Injectable()
export class PasswordResetsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [userId, tokenHash, expiresAt]);
  }

  /**
   * Uses the token up, sets the password and ends every session of the account, together. Returns the
   * account and the ended session ids, or undefined when the token is unknown, used, expired, or its
   * account disabled (the token is then left as it was).
   */
  async redeem(tokenHash: string, passwordHash: string): Promise<{ userId: string; endedSessions: string[] } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ user_id: string }> = await manager.query(
        `WITH used AS (
           UPDATE password_resets r SET used_at = now()
             FROM users u
            WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id AND u.disabled_at IS NULL
            RETURNING r.user_id
         )
         UPDATE users SET password_hash = $2 FROM used WHERE users.id = used.user_id RETURNING users.id AS user_id`,
        [tokenHash, passwordHash],
      ).then((result: [Array<{ user_id: string }>, number]) => result[0]);
      if (rows.length !== 1) return undefined;
      const userId = rows[0].user_id;
      // Any other link sent before works no more either.
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      return { userId, endedSessions: await this.refreshTokens.revokeAllOf(userId, manager) };
    });
  }
}
