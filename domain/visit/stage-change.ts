import type { VisitStage } from '../lead/lead.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import type { Instant } from '../shared/time.ts';
import { moveStage, releasesUnit, type InvalidStageTransition } from './funnel.ts';
import { confirm, isDue, withdraw, type Reservation } from './reservation.ts';

/** What a move by hand does besides the stage: to the reservation the visit holds, and to its unit. */
export type StageChange = {
  readonly stage: VisitStage;
  /** The held reservation as it is after the move (confirmed, or cancelled); null when the visit held none. */
  readonly reservation: Reservation | null;
  readonly unit: 'sell' | 'release' | 'keep';
};

/**
 * A move by hand from `from` to `to` for a visit holding `held` (its active reservation, or null). Signing the
 * promesa confirms the authorised reservation and sells the unit; withdrawing or losing the visit cancels the
 * reservation and releases the unit, even a sold one. A reservation past its expiry holds nothing.
 */
export const changeStage = (
  from: VisitStage,
  to: VisitStage,
  held: Reservation | null,
  now: Instant,
): Result<StageChange, InvalidStageTransition> => {
  const live = held !== null && !isDue(held, now) ? held : null;
  const status = live?.status;
  const moved = moveStage(from, to, {
    byReservation: false,
    held: status === 'requested' || status === 'authorised' || status === 'confirmed' ? status : null,
  });
  if (!moved.ok) return moved;
  if (live !== null && to === 'promise') return ok({ stage: moved.value, reservation: confirm(live), unit: 'sell' });
  if (live !== null && releasesUnit(to))
    return ok({ stage: moved.value, reservation: withdraw(live), unit: 'release' });
  return ok({ stage: moved.value, reservation: null, unit: 'keep' });
};
