import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  cancel,
  releaseUnit,
  type Reservation,
  type ReservationId,
  type ReservationNotRequested,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { findUnit, saveUnit, visibleVisit } from './visit-access.ts';

export type CancelReservationInput = { readonly actor: Actor; readonly reservationId: ReservationId };

export type CancelReservationError =
  | { readonly type: 'ReservationNotFound'; readonly reservationId: ReservationId }
  | ReservationNotRequested;

/**
 * The lead changed their mind before the sale was authorised: the unit is available again. The visit keeps
 * its stage (the funnel never goes back), so it may reserve another unit.
 */
export class CancelReservation {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CancelReservationInput): Promise<Result<Reservation, CancelReservationError>> {
    const outcome = await this.uow.transaction(async (tx): Promise<Result<Reservation, CancelReservationError>> => {
      const reservation = await tx.reservations.byId(input.reservationId);
      // An advisor may cancel only their own leads' reservations; others are "not found", as everywhere.
      const visible = reservation === null ? null : await visibleVisit(tx, input.actor, reservation.visitId);
      if (reservation === null || visible === null)
        return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
      const cancelled = cancel(reservation);
      if (!cancelled.ok) return cancelled;
      await tx.reservations.save(cancelled.value);
      const unit = await findUnit(tx, reservation.unitId);
      if (unit !== null && unit.status === 'reserved') await saveUnit(tx, releaseUnit(unit));
      tx.events.record({ type: 'visit_changed', leadId: cancelled.value.leadId, visitId: cancelled.value.visitId });
      return ok(cancelled.value);
    });
    return outcome;
  }
}
