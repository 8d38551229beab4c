import { webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';

const ISSUER = 'enlace';
const GENERATION_CLAIM = 'gen';

export interface VerifiedAccessToken {
  userId: string;
  /** When the token expires, in milliseconds since the epoch: long-lived sockets close then. */
  expiresAt: number;
  generation: number;
}

@Injectable()
export class TokenService {
  /** Imported once: given raw bytes or a KeyObject, jose imports a WebCrypto key at every verification. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(config.jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  /** `generation` is the account's token generation (see UserEntity.tokenGeneration). */
  async issueAccessToken(userId: string, generation: number): Promise<string> {
    return new SignJWT({ [GENERATION_CLAIM]: generation })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenSeconds}s`)
      .sign(await this.key);
  }

  /** What a valid, unexpired access token says, or undefined. */
  async verifyAccessToken(token: string): Promise<VerifiedAccessToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      // Tokens issued before generations existed have none: they are of the first generation, 0.
      const generation = payload[GENERATION_CLAIM] ?? 0;
      if (!payload.sub || !payload.exp || !Number.isSafeInteger(generation)) return undefined;
      return { userId: payload.sub, expiresAt: payload.exp * 1000, generation: generation as number };
    } catch {
      return undefined;
    }
  }
}
