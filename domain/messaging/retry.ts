import { MINUTE_MS } from '../shared/time.ts';

export type RetryPolicy = { readonly maxAttempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number };

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 10 * MINUTE_MS };

/**
 * Exponential back-off after the n-th failed attempt (n ≥ 1), never sooner than the channel's hint.
 * `jitter` in [0, 1) spreads retries of many messages so they do not return in lockstep.
 */
export const retryDelay = (policy: RetryPolicy, attempt: number, jitter: number, hintMs = 0): number => {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(40, Math.max(0, attempt - 1)));
  const spread = Math.round(exponential * (0.5 + jitter / 2));
  return Math.max(spread, hintMs);
};
