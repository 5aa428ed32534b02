import { describe, expect, it } from 'vitest';
import type { QuoteRecord } from '../../application/ports/quote-repository.ts';
import { AuthoriseReservation } from '../../application/use-cases/authorise-reservation.ts';
import { CancelReservation } from '../../application/use-cases/cancel-reservation.ts';
import { ChangeVisitStage } from '../../application/use-cases/change-visit-stage.ts';
import { ExpireReservations } from '../../application/use-cases/expire-reservations.ts';
import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import { ReserveUnit } from '../../application/use-cases/reserve-unit.ts';
import type { VisitStage } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type ProjectId, type QuoteId, type UnitId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../domain/shared/time.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aProject } from '../builders/project-builder.ts';
import { aQuoteRecord } from '../builders/quote-record-builder.ts';
import { aUnit } from '../builders/unit-builder.ts';
import { aUnitType } from '../builders/unit-type-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { actorNamed } from '../support/actors.ts';
import { T0 } from '../support/t0.ts';
import { aWorld } from '../support/world.ts';

const U1 = asId<UnitId>('p-bog-1-t1-u1');
const U2 = asId<UnitId>('p-bog-1-t1-u2');

/** Ana's lead Pedro with a visit for p-bog-1 at `stage` (two available units), and the reservation use cases. */
const separations = async (stage: VisitStage = 'contacted', quotes: readonly QuoteRecord[] = []) => {
  const world = aWorld(T0);
  const lead = aLead().withId('lead-pedro').assignedTo('u-ana', T0).build();
  const visit = aVisit().withId('visit-pedro').ofLead(lead.id).forProject('p-bog-1').atStage(stage).build();
  const unit = (id: UnitId) => aUnit().withId(id).of('p-bog-1', 'p-bog-1-t1').build();
  await world.given({
    users: [aUser().withId('u-ana').build(), aUser().withId('u-jorge').withRole('manager').build()],
    catalog: {
      projects: [aProject().withId('p-bog-1').build()],
      unitTypes: [aUnitType().withId('p-bog-1-t1').ofProject('p-bog-1').build()],
      units: [unit(U1), unit(U2)],
    },
    leads: [lead],
    visits: [visit],
  });
  await world.read(async (repos) => {
    for (const q of quotes) await repos.quotes.save(q);
  });
  const { uow, clock, ids } = world;
  return {
    world,
    visit,
    ana: actorNamed('u-ana'),
    jorge: actorNamed('u-jorge'),
    reserve: new ReserveUnit(uow, clock, ids),
    authorise: new AuthoriseReservation(uow, clock),
    cancel: new CancelReservation(uow),
    change: new ChangeVisitStage(uow, clock),
    expire: new ExpireReservations(uow, clock),
    open: new OpenVisit(uow, clock, ids),
    stage: async () => (await world.read((r) => r.visits.byId(visit.id)))?.stage,
    unitStatus: async (id: UnitId) => (await world.read((r) => r.catalog.all())).units.find((u) => u.id === id)?.status,
  };
};

const quoteOf = (id: string, unitId: UnitId, version: number, at = T0 - DAY_MS) => {
  const record = aQuoteRecord()
    .withId(id)
    .numbered('COT-000042')
    .versioned(version)
    .issuedAt(at)
    .forVisit('visit-pedro')
    .build();
  return {
    ...record,
    quote: { ...record.quote, unitId, price: { amount: 300_000_000 + version, currency: 'COP' as const } },
  };
};

describe('a separation freezes the quote', () => {
  it('freezes the visit’s newest version for the unit, not another unit’s', async () => {
    const s = await separations('quoted', [
      quoteOf('q-1', U1, 1),
      quoteOf('q-2', U1, 2),
      { ...quoteOf('q-9', U2, 1), quote: { ...quoteOf('q-9', U2, 1).quote, number: 'COT-000043' } },
    ]);
    const reserved = await s.reserve.execute({ actor: s.ana, visitId: s.visit.id, unitId: U1 });
    expect(reserved).toMatchObject({
      ok: true,
      value: {
        quote: { quoteId: 'q-2', number: 'COT-000042', version: 2, price: { amount: 300_000_002, currency: 'COP' } },
        stageBefore: 'quoted',
        expiresAt: T0 + 8 * DAY_MS,
      },
    });
  });

  it('refuses a superseded version named in the request, and a quote of another unit', async () => {
    const s = await separations('quoted', [quoteOf('q-1', U1, 1), quoteOf('q-2', U1, 2)]);
    const old = await s.reserve.execute({
      actor: s.ana,
      visitId: s.visit.id,
      unitId: U1,
      quoteId: asId<QuoteId>('q-1'),
    });
    const other = await s.reserve.execute({
      actor: s.ana,
      visitId: s.visit.id,
      unitId: U2,
      quoteId: asId<QuoteId>('q-2'),
    });
    expect(old).toMatchObject({ ok: false, error: { type: 'QuoteSuperseded', latestId: 'q-2', latestVersion: 2 } });
    expect(other).toMatchObject({ ok: false, error: { type: 'QuoteNotForUnit', quoteId: 'q-2', unitId: U2 } });
    expect(await s.unitStatus(U1)).toBe('available');
  });
});

describe('a separation that ends sends the visit back', () => {
  it('cancelled with quotes: back to quoted, the unit available, and it may separate again', async () => {
    const s = await separations('contacted', [quoteOf('q-1', U1, 1)]);
    const held = await s.reserve.execute({ actor: s.ana, visitId: s.visit.id, unitId: U1 });
    if (!held.ok) throw new Error('not reserved');
    await s.authorise.execute({ actor: s.jorge, reservationId: held.value.id });
    expect(await s.cancel.execute({ actor: s.ana, reservationId: held.value.id })).toMatchObject({
      ok: true,
      value: { status: 'cancelled' },
    });
    expect([await s.stage(), await s.unitStatus(U1)]).toEqual(['quoted', 'available']);
    expect((await s.reserve.execute({ actor: s.ana, visitId: s.visit.id, unitId: U2 })).ok).toBe(true);
  });

  it('cancelled with nothing else: back to the stage it reserved from', async () => {
    const s = await separations('new');
    const held = await s.reserve.execute({ actor: s.ana, visitId: s.visit.id, unitId: U1 });
    if (!held.ok) throw new Error('not reserved');
    await s.cancel.execute({ actor: s.ana, reservationId: held.value.id });
    expect(await s.stage()).toBe('new');
  });

  it('expires at its time, once: the unit is released, the visit goes back, the advisor hears of it', async () => {
    const s = await separations('appointment');
    const held = await s.reserve.execute({ actor: s.ana, visitId: s.visit.id, unitId: U1 });
    if (!held.ok) throw new Error('not reserved');
    s.world.clock.advance(8 * DAY_MS - 1);
    expect(await s.expire.execute()).toEqual([]);
    s.world.clock.advance(1);

    const expired = await s.expire.execute();
    expect(expired).toMatchObject([{ id: held.value.id, status: 'expired' }]);
    expect(await s.expire.execute()).toEqual([]);
    expect([await s.stage(), await s.unitStatus(U1)]).toEqual(['appointment', 'available']);
    expect(s.world.events.published).toContainEqual({
      type: 'reservation_expired',
      leadId: s.visit.leadId,
      visitId: s.visit.id,
      reservationId: held.value.id,
      unitId: U1,
    });
    expect(await s.authorise.execute({ actor: s.jorge, reservationId: held.value.id })).toMatchObject({
      ok: false,
      error: { type: 'ReservationNotRequested', status: 'expired' },
    });
  });

  it('does not expire once the promesa is signed, and refuses the promesa once past the expiry', async () => {
    const signed = await separations('quoted');
    const held = await signed.reserve.execute({ actor: signed.ana, visitId: signed.visit.id, unitId: U1 });
    if (!held.ok) throw new Error('not reserved');
    await signed.authorise.execute({ actor: signed.jorge, reservationId: held.value.id });
    await signed.change.execute({ actor: signed.ana, visitId: signed.visit.id, stage: 'promise' });
    signed.world.clock.advance(30 * DAY_MS);
    expect(await signed.expire.execute()).toEqual([]);
    expect([await signed.stage(), await signed.unitStatus(U1)]).toEqual(['promise', 'sold']);

    const late = await separations('quoted');
    const lateHeld = await late.reserve.execute({ actor: late.ana, visitId: late.visit.id, unitId: U1 });
    if (!lateHeld.ok) throw new Error('not reserved');
    await late.authorise.execute({ actor: late.jorge, reservationId: lateHeld.value.id });
    late.world.clock.advance(8 * DAY_MS + HOUR_MS);
    expect(await late.change.execute({ actor: late.ana, visitId: late.visit.id, stage: 'promise' })).toMatchObject({
      ok: false,
      error: { type: 'InvalidStageTransition', from: 'reserved', to: 'promise' },
    });
  });
});

describe('a lost or withdrawn visit', () => {
  it('lets its unit go, and the lead reopens the project as a new visit', async () => {
    const s = await separations('quoted');
    const held = await s.reserve.execute({ actor: s.ana, visitId: s.visit.id, unitId: U1 });
    if (!held.ok) throw new Error('not reserved');
    const lead = asId<LeadId>(s.visit.leadId);
    const project = asId<ProjectId>('p-bog-1');
    const whileOpen = await s.open.execute({ actor: s.ana, leadId: lead, projectId: project });

    await s.change.execute({ actor: s.ana, visitId: s.visit.id, stage: 'lost' });
    const reopened = await s.open.execute({ actor: s.ana, leadId: lead, projectId: project });

    expect(whileOpen).toMatchObject({ ok: false, error: { type: 'VisitAlreadyExists', visitId: s.visit.id } });
    expect(await s.unitStatus(U1)).toBe('available');
    expect(reopened).toMatchObject({ ok: true, value: { stage: 'new', projectId: 'p-bog-1' } });
    expect(reopened.ok && reopened.value.id).not.toBe(s.visit.id);
  });
});
