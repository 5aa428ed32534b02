import { err, ok, type Result } from '../../domain/shared/result.ts';
import { MINUTE_MS, type Instant } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateLimiter, WindowCount } from '../ports/rate-limiter.ts';

/** At most `limit` counted hits per subject in each fixed window of `windowMs`. */
export type RateLimitRule = { readonly name: string; readonly limit: number; readonly windowMs: number };

/** The subject has spent the window's budget; it may try again after `retryAfterSeconds`. */
export type RateLimited = { readonly type: 'RateLimited'; readonly retryAfterSeconds: number };

export type ApplyRateLimitInput = {
  readonly rule: RateLimitRule;
  /** Who spends the budget: an API key's digest, a client address … */
  readonly subject: string;
  /** `true`: this is a hit, refused once it goes over the limit. `false`: only whether the limit is already reached. */
  readonly count: boolean;
};

/**
 * Counts a hit against a rule's budget (or checks it) and says whether the subject is over. Windows that
 * have ended are forgotten at most once per `purgeEveryMs` on each instance, after a hit.
 */
export class ApplyRateLimit {
  #nextPurgeAt: Instant = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly purgeEveryMs: number = MINUTE_MS,
  ) {}

  async execute({ rule, subject, count }: ApplyRateLimitInput): Promise<Result<void, RateLimited>> {
    const now = this.clock.now();
    const key = `${rule.name}:${subject}`;
    if (!count) {
      const window = await this.limiter.peek(key, rule.windowMs, now);
      return window.hits >= rule.limit ? refused(window, now) : ok(undefined);
    }
    const window = await this.limiter.hit(key, rule.windowMs, now);
    await this.#purgeWhenDue(now);
    return window.hits > rule.limit ? refused(window, now) : ok(undefined);
  }

  async #purgeWhenDue(now: Instant): Promise<void> {
    if (now < this.#nextPurgeAt) return;
    this.#nextPurgeAt = now + this.purgeEveryMs;
    // Housekeeping must not fail the request it rides on; the next due hit tries again.
    await this.limiter.purge(now).catch(() => undefined);
  }
}

const refused = (window: WindowCount, now: Instant): Result<never, RateLimited> =>
  err({ type: 'RateLimited', retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1_000)) });
