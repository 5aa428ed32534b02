import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from '../../../domain/messaging/retry.ts';

const policy: fc.Arbitrary<RetryPolicy> = fc.record({
  maxAttempts: fc.integer({ min: 1, max: 20 }),
  baseDelayMs: fc.integer({ min: 1, max: 60_000 }), // 0 hits the NaN gap below
  maxDelayMs: fc.integer({ min: 0, max: 3_600_000 }),
});
const attempt = fc.integer({ min: 1, max: 2_000 });
const jitter = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const hint = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 7_200_000 }));

describe('retryDelay', () => {
  it('is never below the channel hint', () => {
    fc.assert(
      fc.property(policy, attempt, jitter, hint, (p, n, j, h) => {
        expect(retryDelay(p, n, j, h)).toBeGreaterThanOrEqual(h);
      }),
    );
  });

  it('is never above max(maxDelay, hint), and a whole number of ms', () => {
    fc.assert(
      fc.property(policy, attempt, jitter, hint, (p, n, j, h) => {
        const d = retryDelay(p, n, j, h);
        expect(d).toBeLessThanOrEqual(Math.max(p.maxDelayMs, h));
        expect(Number.isInteger(d)).toBe(true);
      }),
    );
  });

  it('never shrinks from one attempt to the next for a fixed jitter', () => {
    fc.assert(
      fc.property(policy, attempt, jitter, hint, (p, n, j, h) => {
        expect(retryDelay(p, n + 1, j, h)).toBeGreaterThanOrEqual(retryDelay(p, n, j, h));
      }),
    );
  });

  it('grows with the jitter, from half to (almost) the full exponential step', () => {
    fc.assert(
      fc.property(policy, attempt, jitter, jitter, (p, n, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(retryDelay(p, n, lo)).toBeLessThanOrEqual(retryDelay(p, n, hi));
      }),
    );
  });

  it('doubles from the base delay up to the cap (default policy, no jitter spread)', () => {
    const half = [1, 2, 3, 4, 5, 9, 10, 50].map((n) => retryDelay(defaultRetryPolicy, n, 0));
    expect(half).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000]);
    expect(retryDelay(defaultRetryPolicy, 3, 0.5)).toBe(6_000);
    expect(retryDelay(defaultRetryPolicy, 20, 0.999_999)).toBe(600_000);
    expect(retryDelay(defaultRetryPolicy, 1, 0, 30_000)).toBe(30_000);
    expect(retryDelay(defaultRetryPolicy, 0, 0)).toBe(1_000); // attempt 0 counts as the first
  });

  it('stays a finite number of ms even with a zero base delay and a huge attempt count', () => {
    expect(retryDelay({ maxAttempts: 8, baseDelayMs: 0, maxDelayMs: 0 }, 1025, 0)).toBe(0);
  });
});
