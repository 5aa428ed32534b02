import type { Clock } from '../../application/ports/clock.ts';
import type { Instant } from '../../domain/shared/time.ts';

/** The wall clock of the machine. */
export class SystemClock implements Clock {
  now(): Instant {
    return Date.now();
  }
}
