import type { Instant } from '../../domain/shared/time.ts';

/** 24 Nov 2026, 10:00 in Bogotá: when the tests' fixed clocks start. */
export const T0: Instant = Date.UTC(2026, 10, 24, 15, 0, 0);
