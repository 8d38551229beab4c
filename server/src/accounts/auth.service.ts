import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LoginInput, LoginResponseDto, LoginResultDto, MfaLoginInput } from '@enlace/shared';
import { TokenService } from '../common/auth/token.service.js';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { AppError } from '../common/errors/app-error.js';
import { RateLimiter } from '../common/rate-limit/rate-limiter.js';
import { mapUser } from './accounts.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { RefreshTokensRepository, type SessionClient } from './refresh-tokens.repository.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { hashSecret } from '../common/auth/secret-hash.js';

export interface Session extends LoginResponseDto {
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A sign-in: a session, or (the account has a second factor) the challenge to answer with a code. */
export type LoginOutcome = Session | MfaChallenge;
export type MfaChallenge = Extract<LoginResultDto, { mfaRequired: true }>;

const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
const invalidSession = () => new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly endedListeners: Array<(sessionId: string) => void> = [];

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Lets another module react to a session that ended (logout, refresh-token reuse) without this one
   * importing it: realtime closes the session's sockets, which its access token would otherwise keep open.
   */
  onSessionEnded(listener: (sessionId: string) => void): void {
    this.endedListeners.push(listener);
  }

  /** After the sessions ended and committed: their sockets close, on every process. */
  notifySessionsEnded(sessionIds: string[]): void {
    for (const id of sessionIds) for (const listener of this.endedListeners) listener(id);
  }

  private async endSession(familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId);
    this.notifySessionsEnded([familyId]);
  }

  /**
   * Each attempt is counted before the password is checked, so simultaneous attempts cannot all get past the
   * limits; a successful one is given back. Three counters, so that one office address (many people behind
   * one NAT) is not locked out by one person's typos or by an attack on someone else's account:
   * - per account and address: one person's mistakes, or guessing at one account from one place;
   * - per account: guessing at one account from many addresses;
   * - per address, wide enough for an office: one address trying many accounts (password spraying).
   * An account with a second factor gets no session yet, only a short-lived challenge for `loginWithCode`.
   */
  async login(input: LoginInput, client: SessionClient & { address: string }): Promise<LoginOutcome> {
    const ip = client.address;
    const { perAccountAndAddress, perAccount, perAddress, windowSeconds } = this.config.login;
    const account = hashSecret(input.email.toLowerCase());
    const keys = { pair: `login:pair:${account}:${ip}`, account: `login:account:${account}`, address: `login:ip:${ip}` };
    const reservation = await this.limiter.reserve(
      [
        { key: keys.pair, limit: perAccountAndAddress },
        { key: keys.account, limit: perAccount },
        { key: keys.address, limit: perAddress },
      ],
      windowSeconds,
    );
    if (!reservation.allowed) {
      this.logger.warn(`Login refused: too many failed attempts for this account or from ${ip}`);
      throw new AppError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds: reservation.retryAfterSeconds });
    }

    let user: UserEntity | undefined;
    try {
      user = await this.verifyPassword(input);
    } catch (error) {
      await this.limiter.release([keys.pair, keys.account, keys.address]); // an outage is not a guess
      throw error;
    }
    if (!user) {
      this.logger.warn(`Login failed from ${ip}`);
      throw invalidCredentials();
    }
    // Knowing the password from here clears this place's earlier mistakes, not other addresses' attempts.
    await Promise.all([this.limiter.reset(keys.pair), this.limiter.release([keys.account, keys.address])]);
    if (user.totpEnabledAt) {
      return { mfaRequired: true, challenge: await this.tokens.issueMfaChallenge({ userId: user.id, generation: user.tokenGeneration }) };
    }
    return this.startSession(user, randomUUID(), client);
  }

  /**
   * The second step: the challenge from `login` and an authenticator or recovery code. Wrong codes count
   * against the same limits as wrong passwords (per account and address, per account), so six digits
   * cannot be guessed; a code is accepted once.
   */
  async loginWithCode(input: MfaLoginInput, client: SessionClient & { address: string }): Promise<Session> {
    const subject = await this.tokens.verifyMfaChallenge(input.challenge);
    if (!subject) throw new AppError('UNAUTHENTICATED', 'This sign-in has expired; enter your e-mail and password again');
    const { perAccountAndAddress, perAccount, windowSeconds } = this.config.login;
    const keys = { pair: `mfa:pair:${subject.userId}:${client.address}`, account: `mfa:account:${subject.userId}` };
    const reservation = await this.limiter.reserve(
      [
        { key: keys.pair, limit: perAccountAndAddress },
        { key: keys.account, limit: perAccount },
      ],
      windowSeconds,
    );
    if (!reservation.allowed) {
      this.logger.warn(`Second factor refused: too many wrong codes for account ${subject.userId}`);
      throw new AppError('RATE_LIMITED', 'Too many wrong codes; try again later', { retryAfterSeconds: reservation.retryAfterSeconds });
    }
    const user = await this.users.findActiveById(subject.userId);
    if (!user || user.tokenGeneration !== subject.generation) throw invalidSession();
    if (!(await this.twoFactor.verify(user, input.code))) {
      this.logger.warn(`Second factor failed for account ${user.id} from ${client.address}`);
      throw new AppError('UNAUTHENTICATED', 'That code is not right, or was already used');
    }
    await Promise.all([this.limiter.reset(keys.pair), this.limiter.release([keys.account])]);
    return this.startSession(user, randomUUID(), client);
  }

  /** The active account with this e-mail and password, or undefined. */
  private async verifyPassword(input: LoginInput): Promise<UserEntity | undefined> {
    const user = await this.users.findByEmail(input.email);
    const passwordOk = await this.hasher.verify(user?.passwordHash, input.password);
    return user && passwordOk && !user.disabledAt ? user : undefined;
  }

  /** Rotates the refresh token; presenting one that was already rotated ends the whole family (it was stolen). */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw invalidSession();
    const stored = await this.refreshTokens.findByHash(hashSecret(refreshToken));
    if (!stored) throw invalidSession();
    if (stored.rotatedAt || stored.revokedAt || !(await this.refreshTokens.markRotated(stored.id))) {
      if (stored.expiresAt > new Date()) {
        await this.endSession(stored.familyId);
        this.logger.warn(`Refresh token reuse detected; session family revoked for user ${stored.userId}`);
      }
      throw invalidSession();
    }
    const user = await this.users.findActiveById(stored.userId);
    if (!user) throw invalidSession();
    return this.startSession(user, stored.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.refreshTokens.findByHash(hashSecret(refreshToken));
    if (stored) await this.endSession(stored.familyId);
  }

  /** A session for an account that was just created (accepting an invitation signs the new user in). */
  async sessionFor(userId: string, client: SessionClient): Promise<Session> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw invalidSession();
    return this.startSession(user, randomUUID(), client);
  }

  /**
   * A refresh token of the session `familyId` (opened here when `client` is given, else rotated) and an access
   * token naming that session, so that ending the session (logout, reuse detected, account disabled) refuses
   * its access tokens too.
   */
  private async startSession(user: UserEntity, familyId: string, client?: SessionClient): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenDays * 86_400_000);
    const token = { familyId, userId: user.id, tokenHash: hashSecret(refreshToken), expiresAt: refreshExpiresAt };
    await (client ? this.refreshTokens.openSession(token, client) : this.refreshTokens.create(token));
    const accessToken = await this.tokens.issueAccessToken({ userId: user.id, generation: user.tokenGeneration, sessionId: familyId });
    return { accessToken, user: mapUser(user), mustEnrolTwoFactor: await this.mustEnrolTwoFactor(user), refreshToken, refreshExpiresAt };
  }

  /** Platform admins, and the people of an organisation that requires it, must enrol a second factor. */
  async mustEnrolTwoFactor(user: UserEntity): Promise<boolean> {
    if (user.totpEnabledAt) return false;
    if (user.platformAdmin) return true;
    const organization = user.organizationId ? await this.organizations.findById(user.organizationId) : null;
    return organization?.requireTwoFactor ?? false;
  }
}
