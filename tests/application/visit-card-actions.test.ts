import { describe, expect, it } from 'vitest';
import { CancelReservation } from '../../application/use-cases/cancel-reservation.ts';
import { AuthoriseReservation } from '../../application/use-cases/authorise-reservation.ts';
import { ChangeVisitStage } from '../../application/use-cases/change-visit-stage.ts';
import { GetVisitCard } from '../../application/use-cases/get-visit-card.ts';
import { ListAgenda } from '../../application/use-cases/list-agenda.ts';
import { ReserveUnit } from '../../application/use-cases/reserve-unit.ts';
import { ScheduleAppointment } from '../../application/use-cases/schedule-appointment.ts';
import { asId, type UnitId, type UserId } from '../../domain/shared/ids.ts';
import { HOUR_MS } from '../../domain/shared/time.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aProject } from '../builders/project-builder.ts';
import { aUnit } from '../builders/unit-builder.ts';
import { aUnitType } from '../builders/unit-type-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld } from '../support/world.ts';

const DAY1 = T0 + 24 * HOUR_MS;

/**
 * Ana's lead Pedro with a new visit for p-bog-1, whose catalogue has three available units and one already
 * reserved; Carlos is the other advisor and Jorge the manager. The visit card's use cases over it.
 */
const visitCardWithVisit = async () => {
  const world = aWorld(T0);
  const lead = aLead().withId('lead-pedro').withName('Pedro Díaz').assignedTo('u-ana', T0).build();
  const visit = aVisit().withId('visit-pedro').ofLead(lead.id).forProject('p-bog-1').createdAt(T0).build();
  const unit = (n: number) => aUnit().withId(`p-bog-1-t1-u${n}`).of('p-bog-1', 'p-bog-1-t1').withCode(`T1-${n}01`);
  const units = [1, 2, 3].map((n) => unit(n).build());
  await world.given({
    users: [
      aUser().withId('u-ana').build(),
      aUser().withId('u-carlos').build(),
      aUser().withId('u-jorge').withRole('manager').build(),
    ],
    catalog: {
      projects: [aProject().withId('p-bog-1').build()],
      unitTypes: [aUnitType().withId('p-bog-1-t1').ofProject('p-bog-1').build()],
      units: [...units, unit(4).withStatus('reserved').build()],
    },
    leads: [lead],
    visits: [visit],
  });
  const { uow, clock, ids } = world;
  const useCases = {
    getVisitCard: new GetVisitCard(uow),
    changeVisitStage: new ChangeVisitStage(uow, clock),
    scheduleAppointment: new ScheduleAppointment(uow, clock, ids),
    listAgenda: new ListAgenda(uow),
    reserveUnit: new ReserveUnit(uow, clock, ids),
    authoriseReservation: new AuthoriseReservation(uow, clock),
    cancelReservation: new CancelReservation(uow),
  };
  return { world, visit, advisor: 'u-ana', other: 'u-carlos', units, useCases };
};

describe('visit-card actions', () => {
  it('schedules an appointment in the lead’s advisor’s agenda and moves the visit to appointment', async () => {
    const { world, visit, advisor, useCases } = await visitCardWithVisit();

    const booked = await useCases.scheduleAppointment.execute({
      actor: actorNamed(advisor),
      visitId: visit.id,
      startsAt: DAY1,
      endsAt: DAY1 + HOUR_MS,
      note: 'Sala de ventas',
    });

    expect(booked).toMatchObject({
      ok: true,
      value: { advisorId: advisor, visitId: visit.id, note: 'Sala de ventas' },
    });
    const agenda = await useCases.listAgenda.execute({
      actor: actorNamed(advisor),
      from: T0,
      to: T0 + 7 * 24 * HOUR_MS,
    });
    expect(agenda.ok && agenda.value.map((a) => a.startsAt)).toEqual([DAY1]);
    const card = await useCases.getVisitCard.execute({ actor: actorNamed(advisor), visitId: visit.id });
    expect(card.ok && card.value.visit.stage).toBe('appointment');
    expect(world.events.published).toEqual([
      { type: 'visit_changed', leadId: visit.leadId, visitId: visit.id },
      {
        type: 'appointment_changed',
        leadId: visit.leadId,
        visitId: visit.id,
        appointmentId: booked.ok ? booked.value.id : null,
        advisorId: advisor,
        status: 'scheduled',
        change: 'scheduled',
      },
    ]);
    expect(booked.ok && booked.value.reminder).toEqual({ state: 'pending', dueAt: DAY1 - 24 * HOUR_MS });
  });

  it('refuses an overlapping appointment for the same advisor but accepts a back-to-back one', async () => {
    const { visit, advisor, useCases } = await visitCardWithVisit();
    const actor = actorNamed(advisor);
    await useCases.scheduleAppointment.execute({ actor, visitId: visit.id, startsAt: DAY1, endsAt: DAY1 + HOUR_MS });

    const clash = await useCases.scheduleAppointment.execute({
      actor,
      visitId: visit.id,
      startsAt: DAY1 + 30 * 60_000,
      endsAt: DAY1 + 2 * HOUR_MS,
    });
    const next = await useCases.scheduleAppointment.execute({
      actor,
      visitId: visit.id,
      startsAt: DAY1 + HOUR_MS,
      endsAt: DAY1 + 2 * HOUR_MS,
    });
    const long = await useCases.scheduleAppointment.execute({
      actor,
      visitId: visit.id,
      startsAt: DAY1 + 5 * HOUR_MS,
      endsAt: DAY1 + 10 * HOUR_MS,
    });

    expect(clash).toMatchObject({ ok: false, error: { type: 'AppointmentOverlaps', advisorId: advisor } });
    expect(next.ok).toBe(true);
    expect(long).toMatchObject({ ok: false, error: { type: 'InvalidAppointmentTime', reason: 'too_long' } });
  });

  it('lets a manager book another advisor, and hides the visit from other advisors', async () => {
    const { visit, other, useCases } = await visitCardWithVisit();

    const hidden = await useCases.scheduleAppointment.execute({
      actor: actorNamed(other),
      visitId: visit.id,
      startsAt: DAY1,
      endsAt: DAY1 + HOUR_MS,
    });
    const booked = await useCases.scheduleAppointment.execute({
      actor: actorNamed('u-jorge'),
      visitId: visit.id,
      startsAt: DAY1,
      endsAt: DAY1 + HOUR_MS,
      advisorId: asId<UserId>(other),
    });
    const othersAgenda = await useCases.listAgenda.execute({
      actor: actorNamed('u-ana'),
      advisorId: asId<UserId>(other === 'u-ana' ? 'u-carlos' : other),
      from: T0,
      to: DAY1 * 2,
    });

    expect(hidden).toMatchObject({ ok: false, error: { type: 'VisitNotFound' } });
    expect(booked).toMatchObject({ ok: true, value: { advisorId: other } });
    expect(othersAgenda).toMatchObject({ ok: false, error: { type: 'AgendaNotAllowed' } });
  });

  it('reserves an available unit once, then a manager authorises it: the unit stays separated, not sold', async () => {
    const { world, visit, advisor, units, useCases } = await visitCardWithVisit();
    const unit = units[0];
    if (unit === undefined) throw new Error('no available unit');

    const reserved = await useCases.reserveUnit.execute({
      actor: actorNamed(advisor),
      visitId: visit.id,
      unitId: unit.id,
    });
    const twice = await useCases.reserveUnit.execute({
      actor: actorNamed('u-jorge'),
      visitId: visit.id,
      unitId: unit.id,
    });
    if (!reserved.ok) throw new Error('not reserved');
    const byAdvisor = await useCases.authoriseReservation.execute({
      actor: actorNamed(advisor),
      reservationId: reserved.value.id,
    });
    const authorised = await useCases.authoriseReservation.execute({
      actor: actorNamed('u-jorge'),
      reservationId: reserved.value.id,
    });
    const again = await useCases.authoriseReservation.execute({
      actor: actorNamed('u-jorge'),
      reservationId: reserved.value.id,
    });

    expect(reserved.value).toMatchObject({ status: 'requested', unitId: unit.id, requestedBy: advisor });
    expect(twice.ok).toBe(false);
    expect(byAdvisor).toMatchObject({ ok: false, error: { type: 'AuthorisationNotAllowed' } });
    expect(authorised).toMatchObject({ ok: true, value: { status: 'authorised', authorisedBy: 'u-jorge' } });
    expect(again).toMatchObject({ ok: false, error: { type: 'ReservationNotRequested', status: 'authorised' } });
    const card = await useCases.getVisitCard.execute({ actor: actorNamed(advisor), visitId: visit.id });
    expect(card.ok && card.value.visit.stage).toBe('reserved');
    expect(card.ok && card.value.units.find((u) => u.id === unit.id)?.status).toBe('reserved');
    expect(card.ok && card.value.reservations.map((r) => r.status)).toEqual(['authorised']);
    expect((await world.read((r) => r.catalog.all())).units.find((u) => u.id === unit.id)?.status).toBe('reserved');
  });

  it('refuses a second reservation on a visit that already holds an active one, until it is cancelled', async () => {
    const { visit, units, useCases } = await visitCardWithVisit();
    const [first, second] = units;
    if (first === undefined || second === undefined) throw new Error('two available units');
    const admin = actorNamed('admin');

    const held = await useCases.reserveUnit.execute({ actor: admin, visitId: visit.id, unitId: first.id });
    if (!held.ok) throw new Error('not reserved');
    const another = await useCases.reserveUnit.execute({ actor: admin, visitId: visit.id, unitId: second.id });
    await useCases.cancelReservation.execute({ actor: admin, reservationId: held.value.id });
    const afterCancel = await useCases.reserveUnit.execute({ actor: admin, visitId: visit.id, unitId: second.id });
    const card = await useCases.getVisitCard.execute({ actor: admin, visitId: visit.id });

    expect(another).toEqual({
      ok: false,
      error: { type: 'VisitAlreadyReserved', visitId: visit.id, reservationId: held.value.id },
    });
    expect(afterCancel).toMatchObject({ ok: true, value: { unitId: second.id, status: 'requested' } });
    expect(card.ok && card.value.units.find((u) => u.id === second.id)?.status).toBe('reserved');
    expect(card.ok && card.value.units.find((u) => u.id === first.id)?.status).toBe('available');
  });

  it('refuses a unit already reserved in the catalogue, or of another project', async () => {
    const { visit, useCases } = await visitCardWithVisit();
    const card = await useCases.getVisitCard.execute({ actor: actorNamed('admin'), visitId: visit.id });
    const taken = card.ok ? card.value.units.find((u) => u.status === 'reserved') : undefined;
    if (taken === undefined) throw new Error('the catalogue has a reserved unit');

    expect(
      await useCases.reserveUnit.execute({ actor: actorNamed('admin'), visitId: visit.id, unitId: taken.id }),
    ).toMatchObject({ ok: false, error: { type: 'UnitNotAvailable', unitId: taken.id } });
    expect(
      await useCases.reserveUnit.execute({
        actor: actorNamed('admin'),
        visitId: visit.id,
        unitId: asId<UnitId>('nope'),
      }),
    ).toMatchObject({ ok: false, error: { type: 'UnitNotFound' } });
  });

  it('moves the stage only along valid transitions', async () => {
    const { visit, advisor, useCases } = await visitCardWithVisit();
    const actor = actorNamed(advisor);

    expect(await useCases.changeVisitStage.execute({ actor, visitId: visit.id, stage: 'contacted' })).toMatchObject({
      ok: true,
      value: { stage: 'contacted' },
    });
    expect(await useCases.changeVisitStage.execute({ actor, visitId: visit.id, stage: 'reserved' })).toMatchObject({
      ok: false,
      error: { type: 'StageSetByReservation' },
    });
    expect(await useCases.changeVisitStage.execute({ actor, visitId: visit.id, stage: 'lost' })).toMatchObject({
      ok: true,
      value: { stage: 'lost' },
    });
    expect(await useCases.changeVisitStage.execute({ actor, visitId: visit.id, stage: 'contacted' })).toMatchObject({
      ok: false,
      error: { type: 'InvalidStageTransition', from: 'lost', to: 'contacted' },
    });
  });
});
