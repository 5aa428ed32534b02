import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  cancel,
  type Reservation,
  type ReservationClosed,
  type ReservationId,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { endReservation, visibleVisit } from './visit-access.ts';

export type CancelReservationInput = { readonly actor: Actor; readonly reservationId: ReservationId };

export type CancelReservationError =
  | { readonly type: 'ReservationNotFound'; readonly reservationId: ReservationId }
  | ReservationClosed;

/**
 * The lead changed their mind before signing the promesa (the reservation requested or authorised): the unit is
 * available again and the visit goes back to the stage its history shows (quoted, appointment, contacted…), so it
 * may reserve another unit. After the promesa, the visit is withdrawn instead (desistido).
 */
export class CancelReservation {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CancelReservationInput): Promise<Result<Reservation, CancelReservationError>> {
    return this.uow.transaction(async (tx): Promise<Result<Reservation, CancelReservationError>> => {
      const reservation = await tx.reservations.byId(input.reservationId);
      // An advisor may cancel only their own leads' reservations; others are "not found", as everywhere.
      const visible = reservation === null ? null : await visibleVisit(tx, input.actor, reservation.visitId);
      if (reservation === null || visible === null)
        return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
      const cancelled = cancel(reservation);
      if (!cancelled.ok) return cancelled;
      await endReservation(tx, cancelled.value);
      return ok(cancelled.value);
    });
  }
}
