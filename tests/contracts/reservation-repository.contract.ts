import { describe, expect, it } from 'vitest';
import { Conflict } from '../../application/ports/conflict.ts';
import { asId, type LeadId, type UnitId, type VisitId } from '../../domain/shared/ids.ts';
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
