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
import type { EventPublisher } from '../ports/events.ts';
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
    private readonly events: EventPublisher,
  ) {}

  async execute(input: AuthoriseReservationInput): Promise<Result<Reservation, AuthoriseReservationError>> {
    if (input.actor.role === 'advisor') return err({ type: 'AuthorisationNotAllowed' });
    const outcome = await this.uow.transaction(
      async (repos): Promise<Result<Reservation, AuthoriseReservationError>> => {
        const reservation = await repos.reservations.byId(input.reservationId);
        const visit = reservation === null ? null : await repos.visits.byId(reservation.visitId);
        if (reservation === null || visit === null)
          return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
        const authorised = authorise(reservation, actorName(input.actor), this.clock.now());
        if (!authorised.ok) return authorised;
        const stage = moveStage(visit.stage, 'authorised');
        if (!stage.ok) return stage;
        await repos.reservations.save(authorised.value);
        const unit = await findUnit(repos, reservation.unitId);
        if (unit !== null) await saveUnit(repos, sellUnit(unit));
        await repos.visits.save({ ...visit, stage: stage.value });
        return ok(authorised.value);
      },
    );
    if (outcome.ok)
      this.events.publish([{ type: 'visit_changed', leadId: outcome.value.leadId, visitId: outcome.value.visitId }]);
    return outcome;
  }
}
