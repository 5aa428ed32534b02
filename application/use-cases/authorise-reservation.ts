import { atStage } from '../../domain/lead/lead.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { moveStage, type InvalidStageTransition } from '../../domain/visit/funnel.ts';
import {
  authorise,
  sellUnit,
  type Reservation,
  type ReservationId,
  type ReservationNotRequested,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { actorName, findUnit, saveUnit } from './visit-access.ts';

export type AuthoriseReservationInput = { readonly actor: Actor; readonly reservationId: ReservationId };

export type AuthoriseReservationError =
  | { readonly type: 'AuthorisationNotAllowed' }
  | { readonly type: 'ReservationNotFound'; readonly reservationId: ReservationId }
  | ReservationNotRequested
  | InvalidStageTransition;

/** A manager (or admin) authorises a requested reservation: the unit is sold and the visit authorised. */
export class AuthoriseReservation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: AuthoriseReservationInput): Promise<Result<Reservation, AuthoriseReservationError>> {
    if (input.actor.role === 'advisor') return err({ type: 'AuthorisationNotAllowed' });
    const outcome = await this.uow.transaction(async (tx): Promise<Result<Reservation, AuthoriseReservationError>> => {
      const reservation = await tx.reservations.byId(input.reservationId);
      const visit = reservation === null ? null : await tx.visits.byId(reservation.visitId);
      if (reservation === null || visit === null)
        return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
      const authorised = authorise(reservation, actorName(input.actor), this.clock.now());
      if (!authorised.ok) return authorised;
      const stage = moveStage(visit.stage, 'authorised');
      if (!stage.ok) return stage;
      await tx.reservations.save(authorised.value);
      const unit = await findUnit(tx, reservation.unitId);
      if (unit !== null) await saveUnit(tx, sellUnit(unit));
      await tx.visits.save(atStage(visit, stage.value));
      tx.events.record({ type: 'visit_changed', leadId: visit.leadId, visitId: visit.id });
      return ok(authorised.value);
    });
    return outcome;
  }
}
