import type { Clock } from '../../application/ports/clock.ts';
import type { Instant } from '../../domain/shared/time.ts';

/** A clock that moves only when told to: tests cross the 24-hour window on purpose, never by accident. */
export class FixedClock implements Clock {
  #now: Instant;

  constructor(start: Instant) {
    this.#now = assertFinite(start);
  }

  now(): Instant {
    return this.#now;
  }

  set(t: Instant): void {
    this.#now = assertFinite(t);
  }

  advance(ms: number): Instant {
    this.#now = assertFinite(this.#now + ms);
    return this.#now;
  }
}

const assertFinite = (t: number): Instant => {
  // A NaN instant would silently make every window comparison false.
  if (!Number.isFinite(t)) throw new RangeError(`FixedClock needs a finite instant, got ${t}`);
  return t;
};
