/**
 * A token bucket: `burst` tokens at most, refilled at `perSecond`. `take` spends one if there is one.
 * Time comes from the caller, so the refill is exact and testable.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether it is full again, i.e. forgetting it changes nothing. */
  full(now: number): boolean {
    return this.tokens + ((now - this.at) / 1000) * this.perSecond >= this.burst;
  }
}
