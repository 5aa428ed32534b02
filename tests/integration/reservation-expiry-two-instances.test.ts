import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { ExpireReservations } from '../../application/use-cases/expire-reservations.ts';
import { emptyCatalog } from '../../domain/catalog/catalog.ts';
import { asId, type VisitId } from '../../domain/shared/ids.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import type { ReservationId } from '../../domain/visit/reservation.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aReservation } from '../builders/reservation-builder.ts';
import { aUnit } from '../builders/unit-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { usePostgresInstances } from './postgres-instances.ts';

const T = Date.UTC(2026, 10, 26, 14);
const target = await openTestPostgres();
const DUE = 120;
const WORKERS = 6;

/**
 * The expiry workers of two instances (two pools on one database) sweeping the same backlog at once: the claim
 * locks each row and skips rows another transaction holds, so every due reservation expires exactly once, its unit
 * is released once and its advisor hears of it once; a reservation not yet due, or with its promesa signed, stays.
 */
describe.skipIf(target === null)('postgres: two instances expiring the same reservations', () => {
  const { repos, uowOf, published } = usePostgresInstances(target);

  it('expire each due reservation once, release every unit, and leave the others alone', async () => {
    const lead = aLead().withId('lead-1').assignedTo('u-ana', T).build();
    await repos().leads.save(lead);
    const units = Array.from({ length: DUE + 2 }, (_, n) =>
      aUnit().withId(`u-${n}`).of('p-1', 'ut-1').withStatus('reserved').build(),
    );
    await repos().catalog.upsert({ ...emptyCatalog, units });
    for (const [n, unit] of units.entries()) {
      await repos().visits.save(
        aVisit().withId(`visit-${n}`).ofLead(lead.id).forProject('p-1').atStage('reserved').build(),
      );
      const reservation = aReservation()
        .withId(`resv-${n}`)
        .ofUnit(unit.id)
        .forVisit(`visit-${n}`, lead.id)
        .madeAt(T - 10 * DAY_MS + n, 8)
        .reservedFrom('quoted');
      // The last two: one not yet due, one whose promesa was signed.
      if (n === DUE) await repos().reservations.save(reservation.madeAt(T, 8).build());
      else if (n === DUE + 1) await repos().reservations.save(reservation.withStatus('confirmed').build());
      else await repos().reservations.save(reservation.build());
    }
    const clock = new FixedClock(T);

    const sweeps = await Promise.all(
      Array.from({ length: WORKERS }, (_, n) => new ExpireReservations(uowOf(n), clock).execute()),
    );

    const expired = sweeps.flat().map((r) => r.id);
    expect(expired.length).toBe(DUE);
    expect(new Set(expired).size).toBe(DUE);
    expect(sweeps.filter((s) => s.length > 0).length, 'the work was shared').toBeGreaterThan(1);
    const events = published().filter((e) => e.type === 'reservation_expired');
    expect(events.length).toBe(DUE);
    const catalog = await repos().catalog.all();
    const statusOf = (n: number) => catalog.units.find((u) => u.id === `u-${n}`)?.status;
    expect(Array.from({ length: DUE }, (_, n) => statusOf(n)).every((s) => s === 'available')).toBe(true);
    expect([statusOf(DUE), statusOf(DUE + 1)]).toEqual(['reserved', 'reserved']);
    expect((await repos().visits.byId(asId<VisitId>('visit-0')))?.stage).toBe('quoted');
    expect((await repos().reservations.byId(asId<ReservationId>(`resv-${DUE}`)))?.status).toBe('requested');
    expect((await repos().reservations.byId(asId<ReservationId>(`resv-${DUE + 1}`)))?.status).toBe('confirmed');
  }, 120_000);
});
