import { and, asc, eq, ne } from 'drizzle-orm';
import type { ReservationRepository } from '../../application/ports/reservation-repository.ts';
import { asId, type LeadId, type UnitId, type VisitId } from '../../domain/shared/ids.ts';
import type { Reservation, ReservationId } from '../../domain/visit/reservation.ts';
import type { Db } from './drizzle-db.ts';
import { conflictOnUnique } from './pg-errors.ts';
import { first, replaceAllBut, toDate, toDateOrNull, toInstant, toInstantOrNull } from './rows.ts';
import { reservations } from './schema.ts';

type ReservationRow = typeof reservations.$inferSelect;

export const toReservation = (row: ReservationRow): Reservation => ({
  id: asId<ReservationId>(row.id),
  unitId: asId<UnitId>(row.unitId),
  visitId: asId<VisitId>(row.visitId),
  leadId: asId<LeadId>(row.leadId),
  status: row.status,
  requestedBy: row.requestedBy,
  authorisedBy: row.authorisedBy,
  createdAt: toInstant(row.createdAt),
  authorisedAt: toInstantOrNull(row.authorisedAt),
});

export const toReservationRow = (r: Reservation): typeof reservations.$inferInsert => ({
  id: r.id,
  unitId: r.unitId,
  visitId: r.visitId,
  leadId: r.leadId,
  status: r.status,
  requestedBy: r.requestedBy,
  authorisedBy: r.authorisedBy,
  createdAt: toDate(r.createdAt),
  authorisedAt: toDateOrNull(r.authorisedAt),
});

export class DrizzleReservationRepository implements ReservationRepository {
  constructor(private readonly db: Db) {}

  /**
   * The partial unique indexes turn a second active reservation of a unit (`Conflict` key `unit`) or of a visit
   * (key `visit`) into `Conflict`.
   */
  async save(reservation: Reservation): Promise<void> {
    await conflictOnUnique(
      'reservation',
      (constraint) => (constraint === 'reservations_one_active_per_visit' ? 'visit' : 'unit'),
      () =>
        this.db
          .insert(reservations)
          .values(toReservationRow(reservation))
          .onConflictDoUpdate({ target: reservations.id, set: replaceAllBut(reservations) }),
    );
  }

  async byId(id: ReservationId): Promise<Reservation | null> {
    const row = first(await this.db.select().from(reservations).where(eq(reservations.id, id)));
    return row === null ? null : toReservation(row);
  }

  async activeForUnit(unitId: UnitId): Promise<Reservation | null> {
    const row = first(
      await this.db
        .select()
        .from(reservations)
        .where(and(eq(reservations.unitId, unitId), ne(reservations.status, 'cancelled'))),
    );
    return row === null ? null : toReservation(row);
  }

  async byVisit(visitId: VisitId): Promise<Reservation[]> {
    const rows = await this.db
      .select()
      .from(reservations)
      .where(eq(reservations.visitId, visitId))
      .orderBy(asc(reservations.createdAt), asc(reservations.id));
    return rows.map(toReservation);
  }
}
