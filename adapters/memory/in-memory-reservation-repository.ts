import { Conflict } from '../../application/ports/conflict.ts';
import type { ReservationRepository } from '../../application/ports/reservation-repository.ts';
import type { UnitId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { isActive, isDue, type Reservation, type ReservationId } from '../../domain/visit/reservation.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

const byTimeThenId =
  (time: (r: Reservation) => number) =>
  (a: Reservation, b: Reservation): number =>
    time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class InMemoryReservationRepository implements ReservationRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  /** Like the database's partial unique indexes: one active reservation per unit, and per visit. */
  async save(reservation: Reservation): Promise<void> {
    const active = [...this.#store.data.reservations.values()].filter((r) => isActive(r) && r.id !== reservation.id);
    if (isActive(reservation) && active.some((r) => r.unitId === reservation.unitId))
      throw new Conflict('reservation', 'unit');
    if (isActive(reservation) && active.some((r) => r.visitId === reservation.visitId))
      throw new Conflict('reservation', 'visit');
    this.#store.data.reservations.set(reservation.id, copy(reservation));
  }

  async byId(id: ReservationId): Promise<Reservation | null> {
    return copy(this.#store.data.reservations.get(id) ?? null);
  }

  async activeForUnit(unitId: UnitId): Promise<Reservation | null> {
    return copy([...this.#store.data.reservations.values()].find((r) => r.unitId === unitId && isActive(r)) ?? null);
  }

  async byVisit(visitId: VisitId): Promise<Reservation[]> {
    const mine = [...this.#store.data.reservations.values()].filter((r) => r.visitId === visitId);
    return copy(mine.sort(byTimeThenId((r) => r.createdAt)));
  }

  /** Transactions here run one at a time, so a claim needs no lock. */
  async claimDue(now: Instant, limit: number): Promise<Reservation[]> {
    const due = [...this.#store.data.reservations.values()].filter((r) => isDue(r, now));
    return copy(due.sort(byTimeThenId((r) => r.expiresAt)).slice(0, limit));
  }
}
