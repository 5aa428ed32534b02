import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import { ReserveUnit } from '../../application/use-cases/reserve-unit.ts';
import { ScheduleAppointment } from '../../application/use-cases/schedule-appointment.ts';
import { emptyCatalog } from '../../domain/catalog/catalog.ts';
import { asId, type UnitId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import { HOUR_MS } from '../../domain/shared/time.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aUnit } from '../builders/unit-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { usePostgresInstances } from './postgres-instances.ts';

const T = Date.UTC(2026, 10, 26, 14);
const target = await openTestPostgres();
const admin = { kind: 'bootstrap-admin', role: 'admin' } as const;

/** Two app instances racing on one PostgreSQL database for one unit and one advisor's agenda. */
describe.skipIf(target === null)('postgres: visit-card actions racing', () => {
  const { repos, uowOf } = usePostgresInstances(target);
  /** Ids distinct per worker. */
  const ids = (n: number): IdGenerator => ({ next: (prefix) => asId(`${prefix}_w${n}`) });

  /** One lead of u-ana with `visits` visits of project p-1, whose unit u-1 is available. */
  const seed = async (visits: number): Promise<VisitId[]> => {
    await repos().organisation.saveUser(aUser().withId('u-ana').withRole('advisor').build());
    await repos().catalog.upsert({
      ...emptyCatalog,
      units: [aUnit().withId('u-1').of('p-1', 'ut-1').withStatus('available').build()],
    });
    const lead = aLead().withId('lead-1').assignedTo('u-ana', T).build();
    await repos().leads.save(lead);
    const made = Array.from({ length: visits }, (_, n) =>
      aVisit().withId(`visit-${n}`).ofLead(lead.id).forProject('p-1').build(),
    );
    for (const v of made) await repos().visits.save(v);
    return made.map((v) => v.id);
  };

  it('lets exactly one of many concurrent reservations of a unit win', async () => {
    const visits = await seed(6);
    const results = await Promise.all(
      visits.map((visitId, n) =>
        new ReserveUnit(uowOf(n), new FixedClock(T), ids(n)).execute({
          actor: admin,
          visitId,
          unitId: asId<UnitId>('u-1'),
        }),
      ),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.type)).toEqual(Array(5).fill('UnitNotAvailable'));
    expect((await repos().reservations.activeForUnit(asId<UnitId>('u-1')))?.status).toBe('requested');
    expect((await repos().catalog.all()).units[0]?.status).toBe('reserved');
  });

  it('lets one visit hold exactly one of many concurrent reservations of different units', async () => {
    const [visitId] = await seed(1);
    if (visitId === undefined) throw new Error('no visit');
    const units = [2, 3, 4, 5].map((n) => aUnit().withId(`u-${n}`).of('p-1', 'ut-1').withStatus('available').build());
    await repos().catalog.upsert({
      ...emptyCatalog,
      units: [aUnit().withId('u-1').of('p-1', 'ut-1').build(), ...units],
    });
    const results = await Promise.all(
      ['u-1', ...units.map((u) => u.id)].map((unitId, n) =>
        new ReserveUnit(uowOf(n), new FixedClock(T), ids(n)).execute({
          actor: admin,
          visitId,
          unitId: asId<UnitId>(unitId),
        }),
      ),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.type)).toEqual(
      Array(4).fill('VisitAlreadyReserved'),
    );
    expect((await repos().reservations.byVisit(visitId)).filter((r) => r.status !== 'cancelled')).toHaveLength(1);
    expect((await repos().catalog.all()).units.filter((u) => u.status === 'reserved')).toHaveLength(1);
  });

  it('lets exactly one of many concurrent overlapping appointments of an advisor win', async () => {
    const visits = await seed(6);
    const results = await Promise.all(
      visits.map((visitId, n) =>
        new ScheduleAppointment(uowOf(n), new FixedClock(T), ids(n)).execute({
          actor: admin,
          visitId,
          startsAt: T + n * 10 * 60_000,
          endsAt: T + n * 10 * 60_000 + HOUR_MS,
        }),
      ),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.type)).toEqual(
      Array(5).fill('AppointmentOverlaps'),
    );
    expect(await repos().appointments.byAdvisorBetween(asId<UserId>('u-ana'), T, T + 3 * HOUR_MS)).toHaveLength(1);
  });
});
