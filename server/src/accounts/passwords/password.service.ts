import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { defineAbilityFor, type ChangePasswordInput, type ResetPasswordInput } from '@enlace/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { hashSecret } from '../../common/auth/secret-hash.js';
import { CONFIG } from '../../common/config/config.module.js';
import type { Config } from '../../common/config/config.js';
import { AppError, forbidden, notFound } from '../../common/errors/app-error.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { Mailer } from '../../mail/mailer.js';
import { AuthService } from '../auth.service.js';
import { PasswordHasher } from '../password-hasher.js';
import type { UserEntity } from '../user.entity.js';
import { UsersRepository } from '../users.repository.js';
import { assertAcceptablePassword } from './password-policy.js';
import { PasswordResetsRepository } from './password-resets.repository.js';

const RESET_TTL_MS = 60 * 60 * 1000;
const HOUR = 3600;
/** Reset e-mails asked for per hour: per address (one office asks for several people), per e-mail address. */
const FORGOT_PER_ADDRESS = 20;
const FORGOT_PER_EMAIL = 3;

const invalidResetLink = () => new AppError('VALIDATION_FAILED', 'This link has expired or was already used; ask for a new one', [
  { path: 'token', message: 'Expired or already used', code: 'invalid_token' },
]);

/** Forgetting, resetting and changing a password; an administrator sending one of their people a reset link. */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    private readonly mailer: Mailer,
    private readonly auth: AuthService,
  ) {}

  /**
   * Answers the same whether the account exists or not, and as fast: the look-up and the e-mail happen
   * after the answer. Counted per address and per e-mail, so nobody floods a person's inbox.
   */
  async forgot(email: string, ip: string): Promise<void> {
    const reservation = await this.limiter.reserve(
      [
        { key: `forgot:ip:${ip}`, limit: FORGOT_PER_ADDRESS },
        { key: `forgot:email:${hashSecret(email)}`, limit: FORGOT_PER_EMAIL },
      ],
      HOUR,
    );
    if (!reservation.allowed) {
      throw new AppError('RATE_LIMITED', 'Too many reset e-mails asked for; try again later', { retryAfterSeconds: reservation.retryAfterSeconds });
    }
    void this.sendResetLink(email).catch((error: unknown) => this.logger.error(`Password reset e-mail failed: ${(error as Error).message}`));
  }

  private async sendResetLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) return;
    await this.mailResetLink(user);
    this.logger.log(`Password reset link sent to account ${user.id}`);
  }

  private async mailResetLink(user: UserEntity, requestedBy?: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    await this.resets.create(user.id, hashSecret(token), new Date(Date.now() + RESET_TTL_MS));
    const url = `${this.config.publicUrl.replace(/\/$/, '')}/reset-password/${token}`;
    await this.mailer.sendPasswordReset({ to: user.email, locale: user.locale, url, requestedBy });
  }

  /** Sets the new password and ends every session of the account (their sockets close too). */
  async reset(input: ResetPasswordInput): Promise<void> {
    assertAcceptablePassword(input.password);
    const redeemed = await this.resets.redeem(hashSecret(input.token), await this.hasher.hash(input.password));
    if (!redeemed) throw invalidResetLink();
    this.auth.notifySessionsEnded(redeemed.endedSessions);
    this.logger.log(`Password of account ${redeemed.userId} reset; ${redeemed.endedSessions.length} session(s) ended`);
  }

  /** Needs the current password (counted like sign-in attempts); ends the account's other sessions, keeps this one. */
  async change(auth: AuthUser, sessionId: string, input: ChangePasswordInput): Promise<void> {
    const key = `password-change:${auth.id}`;
    const { perAccountAndAddress, windowSeconds } = this.config.login;
    const reservation = await this.limiter.reserve([{ key, limit: perAccountAndAddress }], windowSeconds);
    if (!reservation.allowed) throw new AppError('RATE_LIMITED', 'Too many wrong passwords; try again later', { retryAfterSeconds: reservation.retryAfterSeconds });
    const user = await this.users.findActiveById(auth.id);
    if (!user || !(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new AppError('VALIDATION_FAILED', 'The current password is not right', [{ path: 'currentPassword', message: 'Not right', code: 'wrong_password' }]);
    }
    await this.limiter.reset(key);
    assertAcceptablePassword(input.newPassword, 'newPassword');
    const ended = await this.users.setPassword(user.id, await this.hasher.hash(input.newPassword), sessionId);
    this.auth.notifySessionsEnded(ended);
    this.logger.log(`Account ${user.id} changed its password; ${ended.length} other session(s) ended`);
  }

  /** Whoever may update an account (its organisation's admins, platform admins) may send it a reset link. */
  async sendByAdmin(auth: AuthUser, organizationId: string, userId: string): Promise<void> {
    const target = await this.users.findById(userId);
    const ability = defineAbilityFor(auth, []);
    if (!target || target.organizationId !== organizationId || !ability.can('read', subject('User', { organizationId }))) throw notFound('User');
    if (!ability.can('update', subject('User', { organizationId, platformAdmin: target.platformAdmin }))) {
      this.logger.warn(`Denied: user ${auth.id} may not send a reset link to account ${userId}`);
      throw forbidden('You may not manage this account');
    }
    if (target.disabledAt) throw new AppError('CONFLICT', 'This account is disabled; enable it first');
    const admin = await this.users.findActiveById(auth.id);
    await this.mailResetLink(target, admin?.displayName ?? auth.email);
    this.logger.log(`Password reset link sent to account ${userId} by ${auth.id}`);
  }
}
