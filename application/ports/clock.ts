import type { Instant } from '../../domain/shared/time.ts';

/** The source of "now", so use cases and tests agree on time. */
export interface Clock {
  /** Current instant (epoch ms); never throws. */
  now(): Instant;
}
