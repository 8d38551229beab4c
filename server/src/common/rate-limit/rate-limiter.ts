import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface Hits {
  count: number;
  /** Seconds until the window of this key ends. */
  retryAfterSeconds: number;
}

/** Fixed-window counters: shared through Redis when configured, else kept in this process. */
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly redis: Redis | undefined) {}

  async peek(key: string): Promise<Hits> {
    if (this.redis) {
      try {
        const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
        return { count: Number(count ?? 0), retryAfterSeconds: Math.max(ttl, 1) };
      } catch (error) {
        this.fallback(error);
      }
    }
    const entry = this.liveEntry(key);
    return { count: entry?.count ?? 0, retryAfterSeconds: entry ? secondsUntil(entry.resetAt) : 1 };
  }

  async hit(key: string, windowSeconds: number): Promise<Hits> {
    if (this.redis) {
      try {
        const results = await this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').ttl(key).exec();
        const count = Number(results?.[0]?.[1] ?? 0);
        const ttl = Number(results?.[2]?.[1] ?? windowSeconds);
        return { count, retryAfterSeconds: Math.max(ttl, 1) };
      } catch (error) {
        this.fallback(error);
      }
    }
    const entry = this.liveEntry(key) ?? { count: 0, resetAt: Date.now() + windowSeconds * 1000 };
    entry.count += 1;
    this.local.set(key, entry);
    if (this.local.size > 10_000) this.sweep();
    return { count: entry.count, retryAfterSeconds: secondsUntil(entry.resetAt) };
  }

  async reset(key: string): Promise<void> {
    this.local.delete(key);
    if (this.redis) await this.redis.del(key).catch((error: unknown) => this.fallback(error));
  }

  private liveEntry(key: string) {
    const entry = this.local.get(key);
    if (entry && entry.resetAt <= Date.now()) {
      this.local.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep() {
    const now = Date.now();
    for (const [key, entry] of this.local) if (entry.resetAt <= now) this.local.delete(key);
  }

  /** With Redis down, limits still hold per process rather than not at all. */
  private fallback(error: unknown) {
    this.logger.warn(`Redis unavailable, limiting in this process: ${(error as Error).message}`);
  }
}

function secondsUntil(time: number): number {
  return Math.max(1, Math.ceil((time - Date.now()) / 1000));
}
