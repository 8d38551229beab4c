import { webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';

const ISSUER = 'enlace';
/** Marks the short-lived token between the password and the second factor; access tokens have no audience. */
const MFA_AUDIENCE = 'enlace:mfa';
const MFA_CHALLENGE_SECONDS = 5 * 60;

/**
 * What an access token must say, shape by shape: a signed token is trusted to come from us, not to be
 * well-formed (a key can leak, an old release can have issued other shapes), and what it says goes into
 * SQL. `gen` is the account's token generation (see UserEntity.tokenGeneration; an integer column),
 * `sid` the session it belongs to (see RefreshTokensRepository).
 */
const ClaimsSchema = z.object({
  sub: z.uuid(),
  exp: z.number().int().positive(),
  gen: z.number().int().min(0).max(2 ** 31 - 1),
  sid: z.uuid(),
  // A second-factor challenge is signed with the same key: it must never pass for an access token.
  aud: z.undefined().optional(),
});

const ChallengeClaimsSchema = z.object({
  sub: z.uuid(),
  gen: z.number().int().min(0).max(2 ** 31 - 1),
});

/** Who passed the password step and still owes a second factor. */
export interface MfaChallengeSubject {
  userId: string;
  generation: number;
}

export interface AccessTokenSubject {
  userId: string;
  generation: number;
  sessionId: string;
}

export interface VerifiedAccessToken extends AccessTokenSubject {
  /** When the token expires, in milliseconds since the epoch: long-lived sockets close then. */
  expiresAt: number;
}

@Injectable()
export class TokenService {
  /** Imported once: given raw bytes or a KeyObject, jose imports a WebCrypto key at every verification. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(config.jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issueAccessToken({ userId, generation, sessionId }: AccessTokenSubject): Promise<string> {
    return new SignJWT({ gen: generation, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenSeconds}s`)
      .sign(await this.key);
  }

  /** Proof that the password was right, good for a few minutes and only for `POST /api/auth/login/mfa`. */
  async issueMfaChallenge({ userId, generation }: MfaChallengeSubject): Promise<string> {
    return new SignJWT({ gen: generation })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(MFA_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${MFA_CHALLENGE_SECONDS}s`)
      .sign(await this.key);
  }

  async verifyMfaChallenge(token: string): Promise<MfaChallengeSubject | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, audience: MFA_AUDIENCE, algorithms: ['HS256'] });
      const claims = ChallengeClaimsSchema.safeParse(payload);
      return claims.success ? { userId: claims.data.sub, generation: claims.data.gen } : undefined;
    } catch {
      return undefined;
    }
  }

  /** What a valid, unexpired, well-formed access token says, or undefined. */
  async verifyAccessToken(token: string): Promise<VerifiedAccessToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const claims = ClaimsSchema.safeParse(payload);
      if (!claims.success) return undefined;
      const { sub, exp, gen, sid } = claims.data;
      return { userId: sub, generation: gen, sessionId: sid, expiresAt: exp * 1000 };
    } catch {
      return undefined;
    }
  }
}
