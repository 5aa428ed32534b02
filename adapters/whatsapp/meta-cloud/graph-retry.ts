import type { Result } from '../../../domain/shared/result.ts';
import type { GraphFailure } from './graph-errors.ts';

/**
 * Retries inside one call. Kept small on purpose: the outbox dispatcher retries again across ticks,
 * with its own longer back-off, so a call never holds the dispatcher more than a few seconds.
 */
export type GraphRetryPolicy = {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Total sleeping allowed across retries; a longer hint (pair rate, maintenance) is left to the dispatcher. */
  readonly budgetMs: number;
};

export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 2_000,
  budgetMs: 4_000,
};

export type Pause = {
  readonly sleep: (ms: number) => Promise<void>;
  /** A fraction in [0, 1): full jitter. */
  readonly random: () => number;
};

/** Full-jitter exponential back-off after the n-th failed attempt (n ≥ 1), never sooner than the hint. */
export const backoffDelay = (policy: GraphRetryPolicy, attempt: number, random: number, hintMs = 0): number => {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, attempt - 1));
  return Math.max(hintMs, Math.floor(random * cap));
};

/** Runs `attempt` until it succeeds, fails for good, or the attempts or sleep budget run out. */
export const withRetries = async <T>(
  policy: GraphRetryPolicy,
  pause: Pause,
  attempt: () => Promise<Result<T, GraphFailure>>,
): Promise<Result<T, GraphFailure>> => {
  let slept = 0;
  for (let n = 1; ; n++) {
    const result = await attempt();
    if (result.ok || !result.error.retryable || n >= policy.maxAttempts) return result;
    const delay = backoffDelay(policy, n, pause.random(), result.error.retryAfterMs);
    if (slept + delay > policy.budgetMs) return result;
    await pause.sleep(delay);
    slept += delay;
  }
};
