import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** One fixed-window counter and how many attempts it allows per window. */
export interface Counter {
  key: string;
  limit: number;
}

export type Reservation = { allowed: true } | { allowed: false; /** Seconds until the fullest counter's window ends. */ retryAfterSeconds: number };

/**
 * All counters below their limits: count one attempt on each; otherwise count none. One script, so two
 * requests (or processes) never both see the last free attempt. KEYS: the counters; ARGV: the window
 * in seconds, then each counter's limit.
 */
const RESERVE_SCRIPT = `
local retry = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then
    retry = math.max(retry, redis.call('TTL', key), 1)
  end
end
if retry > 0 then return retry end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[1], 'NX')
end
return 0`;

/** Takes one attempt back from each counter that still has it (never below zero, never reviving an expired one). */
const RELEASE_SCRIPT = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0`;

/** Fixed-window counters: shared through Redis when configured, else kept in this process. */
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly redis: Redis | undefined) {}

  /**
   * Counts an attempt on every counter before it is evaluated, or refuses it when any counter is full:
   * however many attempts arrive at once, no more than a counter's limit are let through per window.
   */
  async reserve(counters: Counter[], windowSeconds: number): Promise<Reservation> {
    if (this.redis) {
      try {
        const keys = counters.map((counter) => counter.key);
        const limits = counters.map((counter) => counter.limit);
        const retry = Number(await this.redis.eval(RESERVE_SCRIPT, keys.length, ...keys, windowSeconds, ...limits));
        return retry > 0 ? { allowed: false, retryAfterSeconds: retry } : { allowed: true };
      } catch (error) {
        this.fallback(error);
      }
    }
    // No await from the check to the count: in one process this is as atomic as the script.
    const full = counters.map((counter) => ({ counter, entry: this.liveEntry(counter.key) })).filter(({ counter, entry }) => (entry?.count ?? 0) >= counter.limit);
    if (full.length > 0) return { allowed: false, retryAfterSeconds: Math.max(...full.map(({ entry }) => secondsUntil(entry!.resetAt))) };
    for (const { key } of counters) {
      const entry = this.liveEntry(key) ?? { count: 0, resetAt: Date.now() + windowSeconds * 1000 };
      entry.count += 1;
      this.local.set(key, entry);
    }
    if (this.local.size > 10_000) this.sweep();
    return { allowed: true };
  }

  /** Gives a reserved attempt back (it succeeded, or could not be evaluated). */
  async release(keys: string[]): Promise<void> {
    for (const key of keys) {
      const entry = this.liveEntry(key);
      if (entry && entry.count > 0) entry.count -= 1;
    }
    if (this.redis) await this.redis.eval(RELEASE_SCRIPT, keys.length, ...keys).catch((error: unknown) => this.fallback(error));
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
