import type { Reservation, ReservationId } from '../../domain/visit/reservation.ts';
import type { UnitId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

export interface ReservationRepository {
  /**
   * Inserts or replaces by id. Throws `Conflict` when another active (requested, authorised or confirmed)
   * reservation holds the same unit (key `unit`) or the same visit (key `visit`); otherwise throws only on
   * infrastructure failure.
   */
  save(reservation: Reservation): Promise<void>;
  /** Returns `null` when absent. */
  byId(id: ReservationId): Promise<Reservation | null>;
  /** The reservation holding the unit (requested, authorised or confirmed), or `null`. */
  activeForUnit(unitId: UnitId): Promise<Reservation | null>;
  /** A visit's reservations, oldest first. */
  byVisit(visitId: VisitId): Promise<Reservation[]>;
  /**
   * Up to `limit` open (requested or authorised) reservations whose expiry is at or before `now`, soonest first,
   * each locked for the caller's transaction: a transaction elsewhere that claims at the same time skips them
   * (`FOR UPDATE SKIP LOCKED`), so each is expired once, whatever the number of instances.
   */
  claimDue(now: Instant, limit: number): Promise<Reservation[]>;
}
