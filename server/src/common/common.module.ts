import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TokenService } from './auth/token.service.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { REDIS } from './redis/redis.js';

/** Cross-cutting services: the Redis client when configured, rate limiting, tokens. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(redis: Redis | undefined): DynamicModule {
    const providers: Provider[] = [TokenService, { provide: RateLimiter, useValue: new RateLimiter(redis) }];
    if (redis) providers.push({ provide: REDIS, useValue: redis });
    return { module: CommonModule, providers, exports: providers };
  }
}
