import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { ReservationRepository } from '../../application/ports/reservation-repository.ts';
import type { VisitStage } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type QuoteId, type UnitId, type VisitId } from '../../domain/shared/ids.ts';
import type { Currency } from '../../domain/shared/money.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { FrozenQuote, Reservation, ReservationId, SeparationPayment } from '../../domain/visit/reservation.ts';
import type { Db } from './drizzle-db.ts';
import { conflictOnUnique } from './pg-errors.ts';
import { first, replaceAllBut, toDate, toDateOrNull, toInstant, toInstantOrNull } from './rows.ts';
import { reservations } from './schema.ts';

type ReservationRow = typeof reservations.$inferSelect;

const ACTIVE = ['requested', 'authorised', 'confirmed'] as const;
const OPEN = ['requested', 'authorised'] as const;

const quoteOf = (row: ReservationRow): FrozenQuote | null =>
  row.quoteId === null || row.quoteNumber === null || row.quoteVersion === null || row.quotePrice === null
    ? null
    : {
        quoteId: asId<QuoteId>(row.quoteId),
        number: row.quoteNumber,
        version: row.quoteVersion,
        price: { amount: row.quotePrice, currency: row.quoteCurrency as Currency },
      };

const paymentOf = (row: ReservationRow): SeparationPayment | null =>
  row.paymentAmount === null || row.paymentDate === null
    ? null
    : {
        amount: { amount: row.paymentAmount, currency: row.paymentCurrency as Currency },
        paidOn: row.paymentDate,
        reference: row.paymentReference,
      };

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
  quote: quoteOf(row),
  payment: paymentOf(row),
  expiresAt: toInstant(row.expiresAt),
  stageBefore: row.stageBefore satisfies VisitStage,
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
  quoteId: r.quote?.quoteId ?? null,
  quoteNumber: r.quote?.number ?? null,
  quoteVersion: r.quote?.version ?? null,
  quotePrice: r.quote?.price.amount ?? null,
  quoteCurrency: r.quote?.price.currency ?? null,
  paymentAmount: r.payment?.amount.amount ?? null,
  paymentCurrency: r.payment?.amount.currency ?? null,
  paymentDate: r.payment?.paidOn ?? null,
  paymentReference: r.payment?.reference ?? null,
  expiresAt: toDate(r.expiresAt),
  stageBefore: r.stageBefore,
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
        .where(and(eq(reservations.unitId, unitId), inArray(reservations.status, [...ACTIVE]))),
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

  /** Uses `reservations_open_expiry_idx`; rows another transaction holds are skipped, not waited for. */
  async claimDue(now: Instant, limit: number): Promise<Reservation[]> {
    const rows = await this.db
      .select()
      .from(reservations)
      .where(and(inArray(reservations.status, [...OPEN]), lte(reservations.expiresAt, toDate(now))))
      .orderBy(asc(reservations.expiresAt), asc(reservations.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map(toReservation);
  }
}
