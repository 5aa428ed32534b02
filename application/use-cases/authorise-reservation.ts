import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  authorise,
  type Reservation,
  type ReservationId,
  type ReservationNotRequested,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { actorName } from './visit-access.ts';

export type AuthoriseReservationInput = { readonly actor: Actor; readonly reservationId: ReservationId };

export type AuthoriseReservationError =
  | { readonly type: 'AuthorisationNotAllowed' }
  | { readonly type: 'ReservationNotFound'; readonly reservationId: ReservationId }
  | ReservationNotRequested;

/**
 * A manager (or admin) approves a requested separation before it expires. The unit stays separated, not sold: the
 * sale is confirmed when the visit moves to `promise` (the promesa signed), before the reservation expires.
 */
export class AuthoriseReservation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: AuthoriseReservationInput): Promise<Result<Reservation, AuthoriseReservationError>> {
    if (input.actor.role === 'advisor') return err({ type: 'AuthorisationNotAllowed' });
    return this.uow.transaction(async (tx): Promise<Result<Reservation, AuthoriseReservationError>> => {
      const reservation = await tx.reservations.byId(input.reservationId);
      if (reservation === null) return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
      const authorised = authorise(reservation, actorName(input.actor), this.clock.now());
      if (!authorised.ok) return authorised;
      await tx.reservations.save(authorised.value);
      tx.events.record({ type: 'visit_changed', leadId: reservation.leadId, visitId: reservation.visitId });
      return ok(authorised.value);
    });
  }
}
