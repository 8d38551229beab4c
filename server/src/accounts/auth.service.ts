import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LoginInput, LoginResponseDto } from '@enlace/shared';
import { TokenService } from '../common/auth/token.service.js';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { AppError } from '../common/errors/app-error.js';
import { RateLimiter } from '../common/rate-limit/rate-limiter.js';
import { mapUser } from './accounts.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { hashSecret } from '../common/auth/secret-hash.js';

export interface Session extends LoginResponseDto {
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
const invalidSession = () => new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again');

/** A shared office address serves many people: the per-address limit is wider than the per-account one. */
const IP_LIMIT_FACTOR = 4;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
  ) {}

  async login(input: LoginInput, ip: string): Promise<Session> {
    const { maxAttempts, windowSeconds } = this.config.login;
    const keys = { ip: `login:ip:${ip}`, email: `login:email:${hashSecret(input.email)}` };
    const [byIp, byEmail] = await Promise.all([this.limiter.peek(keys.ip), this.limiter.peek(keys.email)]);
    const blocked = [byIp.count >= maxAttempts * IP_LIMIT_FACTOR && byIp, byEmail.count >= maxAttempts && byEmail].find(Boolean);
    if (blocked) {
      this.logger.warn(`Login refused: too many failed attempts from ${ip}`);
      throw new AppError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
        retryAfterSeconds: blocked.retryAfterSeconds,
      });
    }

    const user = await this.users.findByEmail(input.email);
    const passwordOk = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !passwordOk || user.disabledAt) {
      await Promise.all([this.limiter.hit(keys.ip, windowSeconds), this.limiter.hit(keys.email, windowSeconds)]);
      this.logger.warn(`Login failed from ${ip}`);
      throw invalidCredentials();
    }
    await this.limiter.reset(keys.email);
    return this.startSession(user, randomUUID());
  }

  /** Rotates the refresh token; presenting one that was already rotated ends the whole family (it was stolen). */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw invalidSession();
    const stored = await this.refreshTokens.findByHash(hashSecret(refreshToken));
    if (!stored) throw invalidSession();
    if (stored.rotatedAt || stored.revokedAt || !(await this.refreshTokens.markRotated(stored.id))) {
      if (stored.expiresAt > new Date()) {
        await this.refreshTokens.revokeFamily(stored.familyId);
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
    if (stored) await this.refreshTokens.revokeFamily(stored.familyId);
  }

  /** A session for an account that was just created (accepting an invitation signs the new user in). */
  async sessionFor(userId: string): Promise<Session> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw invalidSession();
    return this.startSession(user, randomUUID());
  }

  private async startSession(user: UserEntity, familyId: string): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenDays * 86_400_000);
    await this.refreshTokens.create({ familyId, userId: user.id, tokenHash: hashSecret(refreshToken), expiresAt: refreshExpiresAt });
    return { accessToken: await this.tokens.issueAccessToken(user.id, user.tokenGeneration), user: mapUser(user), refreshToken, refreshExpiresAt };
  }
}
