import { bogotaDateOf, isoDateOf } from '../../domain/shared/calendar.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  separationPayment,
  withPayment,
  type InvalidSeparationPayment,
  type Reservation,
  type ReservationClosed,
  type ReservationId,
  type SeparationPayment,
} from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { findUnit, visibleVisit } from './visit-access.ts';

export type RecordSeparationPaymentInput = {
  readonly actor: Actor;
  readonly reservationId: ReservationId;
  readonly payment: SeparationPayment;
};

export type RecordSeparationPaymentError =
  | { readonly type: 'ReservationNotFound'; readonly reservationId: ReservationId }
  | ReservationClosed
  | InvalidSeparationPayment;

/** Records (or corrects) the separation payment of an active reservation, in its unit's currency. */
export class RecordSeparationPayment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: RecordSeparationPaymentInput): Promise<Result<Reservation, RecordSeparationPaymentError>> {
    return this.uow.transaction(async (tx): Promise<Result<Reservation, RecordSeparationPaymentError>> => {
      const reservation = await tx.reservations.byId(input.reservationId);
      const visible = reservation === null ? null : await visibleVisit(tx, input.actor, reservation.visitId);
      const unit = reservation === null ? null : await findUnit(tx, reservation.unitId);
      if (reservation === null || visible === null || unit === null)
        return err({ type: 'ReservationNotFound', reservationId: input.reservationId });
      const payment = separationPayment(input.payment, unit, isoDateOf(bogotaDateOf(this.clock.now())));
      if (!payment.ok) return payment;
      const paid = withPayment(reservation, payment.value);
      if (!paid.ok) return paid;
      await tx.reservations.save(paid.value);
      tx.events.record({ type: 'visit_changed', leadId: reservation.leadId, visitId: reservation.visitId });
      return ok(paid.value);
    });
  }
}
