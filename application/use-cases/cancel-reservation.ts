import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  cancel,
  releaseUnit,
  type Reservation,
  type ReservationId,
  type ReservationNotRequested,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { EventPublisher } from '../ports/events.ts';
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
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: CancelReservationInput): Promise<Result<Reservation, CancelReservationError>> {
    const outcome = await this.uow.transaction(async (repos): Promise<Result<Reservation, CancelReservationError>> => {
      const reservation = await repos.reservations.byId(input.reservationId);
      // An advisor may cancel only their own leads' reservations; others are "not found", as everywhere.
      const visible = reservation === null ? null : await visibleVisit(repos, input.actor, reservation.visitId);
      if (reservation === null || visible === null)
        return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
      const cancelled = cancel(reservation);
      if (!cancelled.ok) return cancelled;
      await repos.reservations.save(cancelled.value);
      const unit = await findUnit(repos, reservation.unitId);
      if (unit !== null && unit.status === 'reserved') await saveUnit(repos, releaseUnit(unit));
      return ok(cancelled.value);
    });
    if (outcome.ok)
      this.events.publish([{ type: 'visit_changed', leadId: outcome.value.leadId, visitId: outcome.value.visitId }]);
    return outcome;
  }
}
