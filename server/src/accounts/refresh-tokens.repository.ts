import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity.js';

type NewRefreshToken = Pick<RefreshTokenEntity, 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>;

/** Where a sign-in comes from, as the sessions page shows it. */
export interface SessionClient {
  address: string | null;
  userAgent: string | null;
}

export interface SessionRow {
  id: string;
  userAgent: string | null;
  address: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** Ends open sessions (each listed by id, for whoever closes their sockets) and revokes their refresh tokens. */
const END_SESSIONS = (condition: string) => `
  WITH ended AS (UPDATE sessions SET ended_at = now() WHERE ${condition} AND ended_at IS NULL RETURNING id),
       revoked AS (UPDATE refresh_tokens SET revoked_at = now() WHERE family_id IN (SELECT id FROM ended) AND revoked_at IS NULL)
  SELECT id FROM ended`;

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
  async openSession(token: NewRefreshToken, client: SessionClient): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (INSERT INTO sessions (id, user_id, address, user_agent) VALUES ($1, $2, $5, $6))
       INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.familyId, token.userId, token.tokenHash, token.expiresAt, client.address, client.userAgent?.slice(0, 512) ?? null],
    );
  }

  /** The next refresh token of an open session (a rotation), which is when the session was last seen. */
  async create(token: NewRefreshToken): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (UPDATE sessions SET last_seen_at = now() WHERE id = $1)
       INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.familyId, token.userId, token.tokenHash, token.expiresAt],
    );
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
    await this.dataSource.query(END_SESSIONS('id = $1'), [familyId]);
  }

  /** Ends one open session of this account; false when it has no such session (another's, or already ended). */
  async endSessionOf(userId: string, sessionId: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.dataSource.query(END_SESSIONS('id = $2 AND user_id = $1'), [userId, sessionId]);
    return rows.length === 1;
  }

  /** Ends every session of an account but `keep` (none when null); the caller's transaction when given. Returns the ended ids. */
  async revokeAllOf(userId: string, manager: EntityManager = this.dataSource.manager, keep: string | null = null): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(END_SESSIONS('user_id = $1 AND id IS DISTINCT FROM $2'), [userId, keep]);
    return rows.map((row) => row.id);
  }

  /** The account's sessions that can still be used: not ended, and holding an unexpired, unused refresh token. */
  async listOpen(userId: string): Promise<SessionRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.user_agent AS "userAgent", s.address, s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt"
         FROM sessions s
        WHERE s.user_id = $1 AND s.ended_at IS NULL
          AND EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = s.id AND r.rotated_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now())
        ORDER BY s.last_seen_at DESC, s.id`,
      [userId],
    );
  }
}
