import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';

const ISSUER = 'enlace';

@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  async issueAccessToken(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenSeconds}s`)
      .sign(this.key);
  }

  /** The user id of a valid, unexpired access token, or undefined; with its expiry for long-lived sockets. */
  async verifyAccessToken(token: string): Promise<{ userId: string; expiresAt: number } | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (!payload.sub || !payload.exp) return undefined;
      return { userId: payload.sub, expiresAt: payload.exp * 1000 };
    } catch {
      return undefined;
    }
  }
}
