import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../application/ports/rate-limiter.ts';
import { MINUTE_MS, type Instant } from '../../domain/shared/time.ts';

/** A fresh, empty limiter for one test. */
export type RateLimiterSubject = { readonly limiter: RateLimiter; close(): Promise<void> };
export type OpenRateLimiter = () => Promise<RateLimiterSubject>;

/** 24 Nov 2026, 15:00:00 UTC: the start of a one-minute window. */
const T0: Instant = Date.UTC(2026, 10, 24, 15, 0, 0);
const WINDOW = MINUTE_MS;

export const rateLimiterContract = (name: string, open: OpenRateLimiter) =>
  describe(`${name}: RateLimiter`, () => {
    const withLimiter = (test: (limiter: RateLimiter) => Promise<void>) => async () => {
      const subject = await open();
      try {
        await test(subject.limiter);
      } finally {
        await subject.close();
      }
    };

    it(
      'counts hits in the current window and says when it ends',
      withLimiter(async (limiter) => {
        expect(await limiter.hit('k', WINDOW, T0 + 1_000)).toEqual({ hits: 1, resetsAt: T0 + WINDOW });
        expect(await limiter.hit('k', WINDOW, T0 + 2_000)).toEqual({ hits: 2, resetsAt: T0 + WINDOW });
        expect(await limiter.hit('k', WINDOW, T0 + WINDOW - 1)).toEqual({ hits: 3, resetsAt: T0 + WINDOW });
      }),
    );

    it(
      'starts again from one in the next window',
      withLimiter(async (limiter) => {
        await limiter.hit('k', WINDOW, T0);
        await limiter.hit('k', WINDOW, T0 + 10);
        expect(await limiter.hit('k', WINDOW, T0 + WINDOW)).toEqual({ hits: 1, resetsAt: T0 + 2 * WINDOW });
        expect(await limiter.hit('k', WINDOW, T0 + 5 * WINDOW + 7)).toEqual({ hits: 1, resetsAt: T0 + 6 * WINDOW });
      }),
    );

    it(
      'keeps keys apart',
      withLimiter(async (limiter) => {
        await limiter.hit('a', WINDOW, T0);
        await limiter.hit('a', WINDOW, T0);
        expect(await limiter.hit('b', WINDOW, T0)).toEqual({ hits: 1, resetsAt: T0 + WINDOW });
        expect(await limiter.peek('a', WINDOW, T0)).toEqual({ hits: 2, resetsAt: T0 + WINDOW });
      }),
    );

    it(
      'peeks without counting; nothing, or a window that has passed, counts zero',
      withLimiter(async (limiter) => {
        expect(await limiter.peek('k', WINDOW, T0 + 5)).toEqual({ hits: 0, resetsAt: T0 + WINDOW });
        await limiter.hit('k', WINDOW, T0 + 5);
        expect(await limiter.peek('k', WINDOW, T0 + 6)).toEqual({ hits: 1, resetsAt: T0 + WINDOW });
        expect(await limiter.peek('k', WINDOW, T0 + 7)).toEqual({ hits: 1, resetsAt: T0 + WINDOW });
        expect(await limiter.peek('k', WINDOW, T0 + WINDOW + 1)).toEqual({ hits: 0, resetsAt: T0 + 2 * WINDOW });
      }),
    );

    it(
      'never moves a window back: a hit from an instance whose clock lags counts in the current window',
      withLimiter(async (limiter) => {
        await limiter.hit('k', WINDOW, T0 + WINDOW + 1);
        expect(await limiter.hit('k', WINDOW, T0 + WINDOW - 1)).toEqual({ hits: 2, resetsAt: T0 + 2 * WINDOW });
        expect(await limiter.hit('k', WINDOW, T0 + WINDOW + 2)).toEqual({ hits: 3, resetsAt: T0 + 2 * WINDOW });
      }),
    );

    it(
      'loses no hit when many arrive at once',
      withLimiter(async (limiter) => {
        const counts = await Promise.all(Array.from({ length: 40 }, () => limiter.hit('busy', WINDOW, T0 + 3)));
        expect(counts.map((c) => c.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(await limiter.peek('busy', WINDOW, T0 + 4)).toEqual({ hits: 40, resetsAt: T0 + WINDOW });
      }),
    );

    it(
      'purges the windows that have ended, and only those',
      withLimiter(async (limiter) => {
        await limiter.hit('old-1', WINDOW, T0);
        await limiter.hit('old-2', WINDOW, T0 + 30_000);
        await limiter.hit('current', WINDOW, T0 + WINDOW + 5);
        expect(await limiter.purge(T0 + WINDOW + 10)).toBe(2);
        expect(await limiter.purge(T0 + WINDOW + 10)).toBe(0);
        expect(await limiter.peek('current', WINDOW, T0 + WINDOW + 10)).toEqual({ hits: 1, resetsAt: T0 + 2 * WINDOW });
        expect(await limiter.hit('old-1', WINDOW, T0 + WINDOW + 11)).toEqual({ hits: 1, resetsAt: T0 + 2 * WINDOW });
      }),
    );
  });
