import type { Reservation, ReservationId } from '../../domain/visit/reservation.ts';
import type { UnitId, VisitId } from '../../domain/shared/ids.ts';

export interface ReservationRepository {
  /**
   * Inserts or replaces by id. Throws `Conflict` when another active (not cancelled) reservation holds the
   * same unit; otherwise throws only on infrastructure failure.
   */
  save(reservation: Reservation): Promise<void>;
  /** Returns `null` when absent. */
  byId(id: ReservationId): Promise<Reservation | null>;
  /** The reservation holding the unit (requested or authorised), or `null`. */
  activeForUnit(unitId: UnitId): Promise<Reservation | null>;
  /** A visit's reservations, oldest first. */
  byVisit(visitId: VisitId): Promise<Reservation[]>;
}
