import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfirmTwoFactorInput, RecoveryCodesDto, RemoveTwoFactorInput, TwoFactorEnrolmentDto } from '@enlace/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { hashSecret } from '../../common/auth/secret-hash.js';
import { CONFIG } from '../../common/config/config.module.js';
import type { Config } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { PasswordHasher } from '../password-hasher.js';
import type { UserEntity } from '../user.entity.js';
import { UsersRepository } from '../users.repository.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpUri } from './totp.js';
import { TwoFactorRepository } from './two-factor.repository.js';

const wrongCode = (field = 'code') => new AppError('VALIDATION_FAILED', 'That code is not right', [{ path: field, message: 'Not right', code: 'wrong_code' }]);

/** A recovery code is hashed with its account's id, so equal codes of two accounts never share a hash. */
const recoveryHash = (userId: string, code: string) => hashSecret(`${userId}:${normalizeRecoveryCode(code)}`);

/** Authenticator (TOTP) enrolment, removal, and checking a second factor at sign-in. */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger(TwoFactorService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersRepository,
    private readonly repository: TwoFactorRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
  ) {}

  /** A new pending secret; nothing changes at sign-in until a code from it confirms it. */
  async start(auth: AuthUser): Promise<TwoFactorEnrolmentDto> {
    const secret = newTotpSecret();
    if (!(await this.repository.setPendingSecret(auth.id, secret))) {
      throw new AppError('CONFLICT', 'Two-factor sign-in is already on; remove it first to set it up again');
    }
    return { secret, uri: totpUri(auth.email, secret) };
  }

  /** A code from the pending secret turns it on; the recovery codes are shown this once, and stored hashed. */
  async confirm(auth: AuthUser, input: ConfirmTwoFactorInput): Promise<RecoveryCodesDto> {
    const user = await this.requireUser(auth);
    if (user.totpEnabledAt || !user.totpSecret) throw new AppError('CONFLICT', 'Start setting up two-factor sign-in first');
    const step = await this.limited(`2fa:${user.id}`, () => matchTotp(user.totpSecret!, input.code, null));
    if (step === undefined) throw wrongCode();
    const recoveryCodes = newRecoveryCodes();
    if (!(await this.repository.activate(user.id, step, recoveryCodes.map((code) => recoveryHash(user.id, code))))) {
      throw new AppError('CONFLICT', 'Start setting up two-factor sign-in first');
    }
    this.logger.log(`Account ${user.id} turned two-factor sign-in on`);
    return { recoveryCodes };
  }

  /** Needs a current code (or a recovery code) or the password. */
  async remove(auth: AuthUser, input: RemoveTwoFactorInput): Promise<void> {
    const user = await this.requireUser(auth);
    if (!user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor sign-in is not on');
    const proven = await this.limited(`2fa:${user.id}`, async () =>
      input.code !== undefined ? this.verify(user, input.code) : this.hasher.verify(user.passwordHash, input.password ?? ''),
    );
    if (!proven) throw input.code !== undefined ? wrongCode() : wrongCode('password');
    await this.repository.remove(user.id);
    this.logger.log(`Account ${user.id} turned two-factor sign-in off`);
  }

  /**
   * Whether `code` is a current authenticator code not used before, or one of the account's unused recovery
   * codes; either is used up by this check.
   */
  async verify(user: UserEntity, code: string): Promise<boolean> {
    if (!user.totpEnabledAt || !user.totpSecret) return false;
    if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      const step = await matchTotp(user.totpSecret, code, user.totpLastStep);
      return step !== undefined && (await this.repository.acceptStep(user.id, step));
    }
    return this.repository.useRecoveryCode(user.id, recoveryHash(user.id, code));
  }

  /** Codes are six digits: guesses are counted like sign-in attempts, and a right one gives its count back. */
  private async limited<T>(key: string, check: () => Promise<T>): Promise<T> {
    const { perAccountAndAddress, windowSeconds } = this.config.login;
    const reservation = await this.limiter.reserve([{ key, limit: perAccountAndAddress }], windowSeconds);
    if (!reservation.allowed) throw new AppError('RATE_LIMITED', 'Too many wrong codes; try again later', { retryAfterSeconds: reservation.retryAfterSeconds });
    const result = await check();
    if (result !== undefined && result !== false) await this.limiter.release([key]);
    return result;
  }

  private async requireUser(auth: AuthUser): Promise<UserEntity> {
    const user = await this.users.findActiveById(auth.id);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return user;
  }
}
