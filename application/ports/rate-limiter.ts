import type { Instant } from '../../domain/shared/time.ts';

/** A key's count in its current fixed window, and when that window ends. */
export type WindowCount = { readonly hits: number; readonly resetsAt: Instant };

/**
 * Counters in fixed windows (`windowMs` long, aligned on multiples of it), shared by every instance on the
 * same store: limits such as "600 requests a minute per API key" hold however many instances serve them.
 * A window never moves back: a hit from an instance whose clock lags counts in the newest window.
 * Throws only on infrastructure failure.
 */
export interface RateLimiter {
  /** Adds one hit to `key`'s current window (a new window starts from nothing) and returns its count, this hit included; atomic. */
  hit(key: string, windowMs: number, now: Instant): Promise<WindowCount>;
  /** The current window's count without adding to it: zero when there is none or it has ended. */
  peek(key: string, windowMs: number, now: Instant): Promise<WindowCount>;
  /** Forgets the windows that ended by `now`; returns how many. */
  purge(now: Instant): Promise<number>;
}

/** The end of the fixed window `now` falls in. */
export const windowEnd = (now: Instant, windowMs: number): Instant => (Math.floor(now / windowMs) + 1) * windowMs;
