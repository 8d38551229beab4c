import { Injectable } from '@nestjs/common';
import type { Locale } from '@enlace/shared';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { affectedRows } from './affected-rows.js';
import type { AccountLookup, AuthenticatedAccount } from '../common/auth/account-lookup.js';
import type { AccessTokenSubject } from '../common/auth/token.service.js';
import { prepared } from '../common/database/prepared.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { UserEntity } from './user.entity.js';

export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'organizationId' | 'orgRole' | 'platformAdmin' | 'locale'>;

@Injectable()
export class UsersRepository implements AccountLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id, disabledAt: IsNull() });
  }

  /**
   * The account an access token speaks for: active, not disabled since the token was issued (even if
   * enabled again), and the token's session not ended; and whether it still owes a second factor. Runs on
   * every request: one statement of three primary-key lookups, prepared, because building it through the query builder cost more than running it.
   */
  async findAuthenticated({ userId, generation, sessionId }: AccessTokenSubject): Promise<AuthenticatedAccount | null> {
    const { rows } = await prepared<AuthenticatedAccount>(
      this.dataSource.manager,
      `SELECT u.id, u.email, u.display_name AS "displayName", u.organization_id AS "organizationId", u.org_role AS "orgRole", u.platform_admin AS "platformAdmin",
              (u.totp_enabled_at IS NULL AND (u.platform_admin OR COALESCE(o.require_two_factor, false))) AS "mustEnrolTwoFactor"
         FROM users u JOIN sessions s ON s.id = $3 AND s.user_id = u.id AND s.ended_at IS NULL
         LEFT JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.disabled_at IS NULL AND u.token_generation = $2`,
      [userId, generation, sessionId],
    );
    return rows[0] ?? null;
  }

  /** Sets a new password and ends every session of the account but `keepSession`, together; returns the ended ids. */
  async setPassword(id: string, passwordHash: string, keepSession: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id }, { passwordHash });
      return this.refreshTokens.revokeAllOf(id, manager, keepSession);
    });
  }

  /** Any account, disabled or not: for administrators managing it. */
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  /** Sets the account's language; false when it already was that one. */
  async setLocale(manager: EntityManager, id: string, locale: Locale): Promise<boolean> {
    return (await affectedRows(manager, `UPDATE users SET locale = $2 WHERE id = $1 AND locale IS DISTINCT FROM $2`, [id, locale])) === 1;
  }

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  async create(user: NewUser, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    return repo.save(repo.create(user));
  }

  async hasPlatformAdmin(): Promise<boolean> {
    return this.repo.existsBy({ platformAdmin: true });
  }

  /** Keyset page of an organisation's accounts, disabled ones included, by display name then id; the cursor is the last row's id. */
  async listInOrganization(organizationId: string, limit: number, after?: string): Promise<UserEntity[]> {
    const query = this.repo
      .createQueryBuilder('u')
      .where('u.organization_id = :organizationId', { organizationId })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit);
    if (after) {
      query.andWhere('(u.display_name, u.id) > (SELECT display_name, id FROM users WHERE id = :after)', { after });
    }
    return query.getMany();
  }

  /**
   * Disables or enables an account. Disabling also moves its token generation on and revokes every refresh
   * token of it, in the same transaction, so no session outlives the flag nor comes back with re-enabling.
   * Returns the account and whether its state changed.
   */
  async setDisabled(id: string, disabled: boolean): Promise<{ user: UserEntity; changed: boolean } | null> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set(disabled ? { disabledAt: () => 'now()', tokenGeneration: () => 'token_generation + 1' } : { disabledAt: null })
        .where(disabled ? 'id = :id AND disabled_at IS NULL' : 'id = :id AND disabled_at IS NOT NULL', { id })
        .execute();
      if (disabled) await this.refreshTokens.revokeAllOf(id, manager);
      const user = await manager.getRepository(UserEntity).findOneBy({ id });
      return user ? { user, changed: result.affected === 1 } : null;
    });
  }
}
