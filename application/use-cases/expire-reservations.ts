import { expire, type Reservation } from '../../domain/visit/reservation.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { endReservation } from './visit-access.ts';

/** How many reservations one transaction expires: a backlog is worked through in several. */
const BATCH = 50;

/**
 * The background worker's step: releases every separation whose promesa was not signed in time. Each batch is
 * claimed in PostgreSQL (`claimDue`, rows locked and skipped by other instances), so each reservation expires
 * once whatever the number of instances; its unit becomes available, the visit goes back, and the lead's advisor
 * hears `reservation_expired`.
 */
export class ExpireReservations {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** The reservations this call expired, in expiry order. */
  async execute(): Promise<Reservation[]> {
    const expired: Reservation[] = [];
    for (;;) {
      const batch = await this.uow.transaction(async (tx) => {
        const now = this.clock.now();
        const done: Reservation[] = [];
        for (const due of await tx.reservations.claimDue(now, BATCH)) {
          const ended = expire(due, now);
          if (!ended.ok) continue;
          await endReservation(tx, ended.value);
          const { leadId, visitId, unitId, id } = ended.value;
          tx.events.record({ type: 'reservation_expired', leadId, visitId, reservationId: id, unitId });
          done.push(ended.value);
        }
        return done;
      });
      expired.push(...batch);
      if (batch.length < BATCH) return expired;
    }
  }
}
