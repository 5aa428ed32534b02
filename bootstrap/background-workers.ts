import type { Container } from 'inversify';
import { safeError } from './log-errors.ts';
import { TOKENS } from './tokens.ts';

export type Workers = { stop(): Promise<void> };

export type WorkerIntervals = {
  /** The message pipeline's safety poll. */
  readonly pollMs: number;
  /** How often expired reservations are looked for (they expire after days: a minute late is fine). */
  readonly reservationSweepMs: number;
};

/**
 * The message pipeline's safety net: storing work wakes the pipelines itself (this instance's at once, the
 * others' through the database), so this slow poll only catches retries that came due and work a lost
 * wake-up or a crashed instance left. Every path runs the same pipeline, and each inbox entry is logged by
 * the inbox's own report (`inboxReport`). Beside it, the sweep that releases expired separations: every instance
 * runs it, and PostgreSQL hands each reservation to one of them (`ExpireReservations`).
 */
export const startWorkers = (container: Container, intervals: number | WorkerIntervals): Workers => {
  const { pollMs, reservationSweepMs } =
    typeof intervals === 'number' ? { pollMs: intervals, reservationSweepMs: 60_000 } : intervals;
  const pipeline = container.get(TOKENS.MessagePipeline);
  const expiry = container.get(TOKENS.ExpireReservations);
  const logger = container.get(TOKENS.Logger);
  let sweeping: Promise<void> | null = null;
  const sweep = () => {
    sweeping ??= expiry
      .execute()
      .then((expired) => {
        for (const r of expired)
          logger.info(
            { event: 'reservation_expired', reservationId: r.id, visitId: r.visitId, unitId: r.unitId },
            'Separation expired before the promesa: the unit is available again',
          );
      })
      .catch((error: unknown) => {
        logger.error({ event: 'reservation_expiry_failed', err: safeError(error) }, 'Expiring reservations failed');
      })
      .finally(() => {
        sweeping = null;
      });
  };
  const timer = setInterval(() => pipeline.wake(), pollMs);
  const sweepTimer = setInterval(sweep, reservationSweepMs);
  sweep();
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(sweepTimer);
      await sweeping;
      await pipeline.stop();
    },
  };
};
