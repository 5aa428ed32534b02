import { windowEnd, type RateLimiter, type WindowCount } from '../../application/ports/rate-limiter.ts';
import type { Instant } from '../../domain/shared/time.ts';

/** The rate limiter's twin for unit tests and the in-memory app: one process, so one map is "every instance". */
export class InMemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, WindowCount>();

  /** How many windows are held (ended ones included until purged). */
  get size(): number {
    return this.#windows.size;
  }

  async hit(key: string, windowMs: number, now: Instant): Promise<WindowCount> {
    const resetsAt = windowEnd(now, windowMs);
    const held = this.#windows.get(key);
    const next =
      held === undefined || resetsAt > held.resetsAt
        ? { hits: 1, resetsAt }
        : { hits: held.hits + 1, resetsAt: held.resetsAt };
    this.#windows.set(key, next);
    return next;
  }

  async peek(key: string, windowMs: number, now: Instant): Promise<WindowCount> {
    const held = this.#windows.get(key);
    return held !== undefined && held.resetsAt > now ? held : { hits: 0, resetsAt: windowEnd(now, windowMs) };
  }

  async purge(now: Instant): Promise<number> {
    let purged = 0;
    for (const [key, window] of this.#windows) {
      if (window.resetsAt <= now) {
        this.#windows.delete(key);
        purged += 1;
      }
    }
    return purged;
  }
}
