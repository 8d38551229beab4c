import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity.js';

type NewRefreshToken = Pick<RefreshTokenEntity, 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>;

/**
 * Refresh tokens and the sessions they belong to. A session (table `sessions`, no entity: only SQL here
 * and in the per-request account check touches it) is one sign-in; its id is its refresh tokens' family id
 * and the `sid` of its access tokens.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(RefreshTokenEntity);
  }

  /** The first refresh token of a new session (a sign-in); the session's id is the token family's. */
  async openSession(token: NewRefreshToken): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (INSERT INTO sessions (id, user_id) VALUES ($1, $2))
       INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.familyId, token.userId, token.tokenHash, token.expiresAt],
    );
  }

  /** The next refresh token of an open session (a rotation). */
  async create(token: NewRefreshToken): Promise<void> {
    await this.repo.insert(token);
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  /** Marks the token used; false when another request already rotated or revoked it (a reuse). */
  async markRotated(id: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ rotatedAt: () => 'now()' })
      .where('id = :id AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id })
      .execute();
    return result.affected === 1;
  }

  /** Ends a session: its refresh tokens are revoked and its access tokens refused (one statement, so both or neither). */
  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL)
       UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  /** Ends every session of an account (it was disabled); the caller's transaction when given. */
  async revokeAllOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `WITH session AS (UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL)
       UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }
}
