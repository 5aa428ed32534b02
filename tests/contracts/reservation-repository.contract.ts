import { describe, expect, it } from 'vitest';
import { Conflict } from '../../application/ports/conflict.ts';
import { asId, type LeadId, type QuoteId, type UnitId, type VisitId } from '../../domain/shared/ids.ts';
import { moneyOf } from '../../domain/shared/money.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import type { Reservation, ReservationId } from '../../domain/visit/reservation.ts';
import { nextId } from '../builders/next-id.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const T = Date.UTC(2026, 10, 26, 14);

const aReservation = (over: Partial<Reservation> = {}): Reservation => ({
  id: nextId<ReservationId>('resv'),
  unitId: asId<UnitId>('unit-1'),
  visitId: asId<VisitId>('visit-1'),
  leadId: asId<LeadId>('lead-1'),
  status: 'requested',
  requestedBy: 'u-ana',
  authorisedBy: null,
  createdAt: T,
  authorisedAt: null,
  quote: null,
  payment: null,
  expiresAt: T + 8 * DAY_MS,
  stageBefore: 'quoted',
  ...over,
});

export const reservationRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: ReservationRepository`, () => {
    const subject = useSubject(open);
    const reservations = () => subject().repos.reservations;

    it('returns what was saved, and a later save replaces it', async () => {
      const r = aReservation();
      expect(await reservations().byId(r.id)).toBeNull();
      await reservations().save(r);
      expect(await reservations().byId(r.id)).toEqual(r);
      const authorised = { ...r, status: 'authorised' as const, authorisedBy: 'u-jorge', authorisedAt: T + 1000 };
      await reservations().save(authorised);
      expect(await reservations().byId(r.id)).toEqual(authorised);
      expect(await reservations().activeForUnit(r.unitId)).toEqual(authorised);
    });

    it('keeps the frozen quote and the separation payment, to the peso and the day', async () => {
      const r = aReservation({
        quote: { quoteId: asId<QuoteId>('quote-7'), number: 'COT-000007', version: 2, price: moneyOf(312_500_000) },
        payment: { amount: moneyOf(5_000_000), paidOn: '2026-11-26', reference: 'TRF-8841' },
        stageBefore: 'new',
      });
      await reservations().save(r);
      expect(await reservations().byId(r.id)).toEqual(r);
      const cash = { ...r, payment: { amount: moneyOf(1_000_000), paidOn: '2026-11-27', reference: null } };
      await reservations().save(cash);
      expect(await reservations().byId(r.id)).toEqual(cash);
    });

    it('holds the unit while confirmed, and lets it go once expired', async () => {
      const r = aReservation({ status: 'confirmed' });
      await reservations().save(r);
      expect(await reservations().activeForUnit(r.unitId)).toEqual(r);
      await expect(
        subject().uow.transaction((repos) => repos.reservations.save(aReservation({ visitId: asId<VisitId>('v-9') }))),
      ).rejects.toBeInstanceOf(Conflict);
      await reservations().save({ ...r, status: 'expired' });
      expect(await reservations().activeForUnit(r.unitId)).toBeNull();
    });

    it('claims the open reservations due by now, soonest first, at most the limit', async () => {
      const unit = (n: number) => asId<UnitId>(`unit-due-${n}`);
      const visit = (n: number) => asId<VisitId>(`visit-due-${n}`);
      const due = (n: number, over: Partial<Reservation>) =>
        aReservation({ unitId: unit(n), visitId: visit(n), ...over });
      const late = due(1, { expiresAt: T - 1 });
      const later = due(2, { expiresAt: T, status: 'authorised', authorisedBy: 'u-jorge', authorisedAt: T - 5 });
      const earliest = due(3, { expiresAt: T - DAY_MS });
      await reservations().save(later);
      await reservations().save(late);
      await reservations().save(earliest);
      await reservations().save(due(4, { expiresAt: T + 1 }));
      await reservations().save(due(5, { expiresAt: T - 10, status: 'confirmed' }));
      await reservations().save(due(6, { expiresAt: T - 10, status: 'cancelled' }));
      await reservations().save(due(7, { expiresAt: T - 10, status: 'expired' }));

      expect(await subject().uow.transaction((repos) => repos.reservations.claimDue(T, 10))).toEqual([
        earliest,
        late,
        later,
      ]);
      expect(await subject().uow.transaction((repos) => repos.reservations.claimDue(T, 2))).toEqual([earliest, late]);
    });

    it('refuses a second active reservation of a unit with Conflict, but not after a cancellation', async () => {
      const first = aReservation();
      await reservations().save(first);
      await expect(
        subject().uow.transaction((repos) => repos.reservations.save(aReservation())),
      ).rejects.toBeInstanceOf(Conflict);

      await reservations().save({ ...first, status: 'cancelled' });
      expect(await reservations().activeForUnit(first.unitId)).toBeNull();
      const again = aReservation({ createdAt: T + 1 });
      await reservations().save(again);
      expect(await reservations().activeForUnit(first.unitId)).toEqual(again);
      expect(await reservations().activeForUnit(asId<UnitId>('unit-none'))).toBeNull();
    });

    it('lists a visit’s reservations oldest first', async () => {
      // Cancelled: a visit holds one active reservation at a time.
      const later = aReservation({ unitId: asId<UnitId>('unit-2'), createdAt: T + 5, status: 'cancelled' });
      const earlier = aReservation({ unitId: asId<UnitId>('unit-3') });
      await reservations().save(later);
      await reservations().save(earlier);
      await reservations().save(aReservation({ unitId: asId<UnitId>('unit-4'), visitId: asId<VisitId>('visit-2') }));
      expect(await reservations().byVisit(asId<VisitId>('visit-1'))).toEqual([earlier, later]);
    });
  });
