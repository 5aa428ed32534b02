import { atStage } from '../../domain/lead/lead.ts';
import { bogotaDateOf, isoDateOf } from '../../domain/shared/calendar.ts';
import type { QuoteId, UnitId, VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { moveStage, type InvalidStageTransition } from '../../domain/visit/funnel.ts';
import {
  expiryOf,
  holdUnit,
  isActive,
  separationPayment,
  type InvalidSeparationPayment,
  type Reservation,
  type ReservationId,
  type SeparationPayment,
  type UnitNotAvailable,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import { Conflict } from '../ports/conflict.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Transaction, UnitOfWork } from '../ports/unit-of-work.ts';
import { quoteToFreeze, type FreezeQuoteError } from './reservation-quote.ts';
import { actorName, findUnit, saveUnit, visibleVisit, type UnitNotFound, type VisitNotFound } from './visit-access.ts';

export type ReserveUnitInput = {
  readonly actor: Actor;
  readonly visitId: VisitId;
  readonly unitId: UnitId;
  /** The quote to freeze; by default the visit's newest for the unit. */
  readonly quoteId?: QuoteId;
  /** The separation payment, when it is already made (it may be recorded later). */
  readonly payment?: SeparationPayment;
};

/** The visit already holds an active reservation: it is cancelled (or expires) before another unit is reserved. */
export type VisitAlreadyReserved = {
  readonly type: 'VisitAlreadyReserved';
  readonly visitId: VisitId;
  readonly reservationId: ReservationId;
};

export type ReserveUnitError =
  | VisitNotFound
  | UnitNotFound
  | UnitNotAvailable
  | VisitAlreadyReserved
  | InvalidStageTransition
  | FreezeQuoteError
  | InvalidSeparationPayment;

/**
 * Separates an available unit of the visit's project: the unit and the visit become reserved until the promesa is
 * signed, the reservation is cancelled or it expires (the configured days from now). It freezes the visit's quote
 * for the unit. A unit is reserved once, and a visit holds one active reservation at a time (both enforced by
 * partial unique indexes across instances).
 */
export class ReserveUnit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: ReserveUnitInput): Promise<Result<Reservation, ReserveUnitError>> {
    let outcome: Result<Reservation, ReserveUnitError>;
    try {
      outcome = await this.uow.transaction((tx) => this.#reserve(tx, input));
    } catch (error) {
      // Lost the race on every attempt: another reservation holds the unit (or, key `visit`, the visit).
      if (error instanceof Conflict && error.key !== 'visit')
        return err({ type: 'UnitNotAvailable', unitId: input.unitId });
      throw error;
    }
    return outcome;
  }

  async #reserve(repos: Transaction, input: ReserveUnitInput): Promise<Result<Reservation, ReserveUnitError>> {
    const found = await visibleVisit(repos, input.actor, input.visitId);
    if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId });
    const unit = await findUnit(repos, input.unitId);
    if (unit === null || unit.projectId !== found.visit.projectId)
      return err({ type: 'UnitNotFound', unitId: input.unitId });
    if ((await repos.reservations.activeForUnit(unit.id)) !== null)
      return err({ type: 'UnitNotAvailable', unitId: unit.id });
    const holding = (await repos.reservations.byVisit(found.visit.id)).find(isActive);
    if (holding !== undefined)
      return err({ type: 'VisitAlreadyReserved', visitId: found.visit.id, reservationId: holding.id });
    const held = holdUnit(unit);
    if (!held.ok) return held;
    const stage = moveStage(found.visit.stage, 'reserved', { byReservation: true, held: null });
    if (!stage.ok) return stage;
    const quote = await quoteToFreeze(repos, found.visit, unit.id, input.quoteId);
    if (!quote.ok) return quote;
    const now = this.clock.now();
    const payment =
      input.payment === undefined ? ok(null) : separationPayment(input.payment, unit, isoDateOf(bogotaDateOf(now)));
    if (!payment.ok) return payment;
    const { reservations: settings } = await repos.settings.current();
    const reservation: Reservation = {
      id: this.ids.next('resv'),
      unitId: unit.id,
      visitId: found.visit.id,
      leadId: found.lead.id,
      status: 'requested',
      requestedBy: actorName(input.actor),
      authorisedBy: null,
      createdAt: now,
      authorisedAt: null,
      quote: quote.value,
      payment: payment.value,
      expiresAt: expiryOf(now, settings.expiryDays),
      stageBefore: found.visit.stage,
    };
    // First, so that a concurrent reservation of the unit waits on the unique index and then loses.
    await repos.reservations.save(reservation);
    await saveUnit(repos, held.value);
    await repos.visits.save(atStage(found.visit, stage.value));
    repos.events.record({ type: 'visit_changed', leadId: reservation.leadId, visitId: reservation.visitId });
    return ok(reservation);
  }
}
