import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst, then refuses until time refills it', () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false); // 0.8 of a token
    expect(bucket.take(500)).toBe(true); // 1 token after half a second at 2 per second
    expect(bucket.take(500)).toBe(false);
  });

  it('never holds more than its burst, however long it waited', () => {
    const bucket = new TokenBucket(2, 10, 0);
    bucket.take(0);
    expect(bucket.full(100_000)).toBe(true);
    expect([bucket.take(100_000), bucket.take(100_000), bucket.take(100_000)]).toEqual([true, true, false]);
  });
});
