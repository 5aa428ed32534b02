import { describe, expect, it } from 'vitest';
import { ChangeAppointmentStatus } from '../../application/use-cases/change-appointment-status.ts';
import { ListAgenda } from '../../application/use-cases/list-agenda.ts';
import { RescheduleAppointment } from '../../application/use-cases/reschedule-appointment.ts';
import { ScheduleAppointment } from '../../application/use-cases/schedule-appointment.ts';
import { SetWorkingHours } from '../../application/use-cases/set-working-hours.ts';
import { writtenWorkingHours, DESK_WORKING_HOURS } from '../../domain/organisation/working-hours.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../domain/shared/time.ts';
import type { AppointmentId } from '../../domain/visit/appointment.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { actorNamed } from '../support/actors.ts';
import { T0 } from '../support/t0.ts';
import { aWorld } from '../support/world.ts';

/** Wednesday 25 Nov 2026, 10:00 in Bogotá: a day after the tests' clock. */
const WED_10 = T0 + DAY_MS;

/** Ana's lead Pedro with a visit; Carlos another advisor, Jorge the manager. A 3-hour reminder setting. */
const agendaWorld = async () => {
  const world = aWorld(T0);
  const lead = aLead().withId('lead-pedro').assignedTo('u-ana', T0).build();
  const visit = aVisit().withId('visit-pedro').ofLead(lead.id).forProject('p-bog-1').createdAt(T0).build();
  await world.given({
    users: [
      aUser().withId('u-ana').build(),
      aUser().withId('u-carlos').build(),
      aUser().withId('u-jorge').withRole('manager').build(),
    ],
    leads: [lead],
    visits: [visit],
  });
  const reminders = { beforeMs: 3 * HOUR_MS, templateName: 'recordatorio_cita' };
  const { uow, clock, ids } = world;
  const useCases = {
    schedule: new ScheduleAppointment(uow, clock, ids, reminders),
    reschedule: new RescheduleAppointment(uow, clock, reminders),
    status: new ChangeAppointmentStatus(uow, clock),
    agenda: new ListAgenda(uow),
    workingHours: new SetWorkingHours(uow),
  };
  const book = async (startsAt: number, hours = 1) => {
    const booked = await useCases.schedule.execute({
      actor: actorNamed('u-ana'),
      visitId: visit.id,
      startsAt,
      endsAt: startsAt + hours * HOUR_MS,
    });
    if (!booked.ok) throw new Error(`could not book: ${booked.error.type}`);
    return booked.value;
  };
  return { world, visit, useCases, book };
};

describe('booking an appointment', () => {
  it('refuses a slot that has started, naming now', async () => {
    const { visit, useCases } = await agendaWorld();
    const booked = await useCases.schedule.execute({
      actor: actorNamed('u-ana'),
      visitId: visit.id,
      startsAt: T0 - HOUR_MS,
      endsAt: T0,
    });
    expect(booked).toEqual({ ok: false, error: { type: 'AppointmentInPast', startsAt: T0 - HOUR_MS, now: T0 } });
  });

  it('refuses a slot outside the advisor’s hours: the desk’s, then their own', async () => {
    const { visit, useCases, world } = await agendaWorld();
    const at = (startsAt: number) =>
      useCases.schedule.execute({
        actor: actorNamed('u-ana'),
        visitId: visit.id,
        startsAt,
        endsAt: startsAt + HOUR_MS,
      });

    expect((await at(WED_10 + 8 * HOUR_MS)).ok).toBe(false); // 18:00
    expect(await at(WED_10 + 4 * DAY_MS)).toMatchObject({
      ok: false,
      error: { type: 'OutsideWorkingHours', advisorId: 'u-ana' },
    }); // Sunday
    const saturdayNoon = WED_10 + 3 * DAY_MS + 2 * HOUR_MS;
    expect((await at(saturdayNoon)).ok).toBe(true); // 12:00–13:00 on the desk's Saturday

    const evenings = { ...writtenWorkingHours(DESK_WORKING_HOURS), wednesday: [{ opens: '14:00', closes: '21:00' }] };
    expect((await useCases.workingHours.execute({ userId: asId<UserId>('u-ana'), workingHours: evenings })).ok).toBe(
      true,
    );
    expect(await at(WED_10)).toMatchObject({ ok: false, error: { type: 'OutsideWorkingHours' } });
    expect((await at(WED_10 + 9 * HOUR_MS)).ok).toBe(true); // 19:00
    const ana = await world.read((r) => r.organisation.user(asId<UserId>('u-ana')));
    expect(ana?.workingHours?.wednesday).toEqual([{ opens: 14 * 60, closes: 21 * 60 }]);
  });

  it('refuses working hours that do not parse, and an unknown user; clearing them puts the desk’s back', async () => {
    const { useCases, world } = await agendaWorld();
    const bad = { ...writtenWorkingHours(DESK_WORKING_HOURS), friday: [{ opens: '18:00', closes: '08:00' }] };
    expect(await useCases.workingHours.execute({ userId: asId<UserId>('u-ana'), workingHours: bad })).toEqual({
      ok: false,
      error: { type: 'InvalidWorkingHours', day: 'friday', reason: 'closes_before_opens' },
    });
    expect(await useCases.workingHours.execute({ userId: asId<UserId>('u-nobody'), workingHours: null })).toMatchObject(
      {
        ok: false,
        error: { type: 'UserNotFound' },
      },
    );
    await useCases.workingHours.execute({
      userId: asId<UserId>('u-ana'),
      workingHours: writtenWorkingHours(DESK_WORKING_HOURS),
    });
    await useCases.workingHours.execute({ userId: asId<UserId>('u-ana'), workingHours: null });
    expect(await world.read((r) => r.organisation.user(asId<UserId>('u-ana')))).toEqual(
      aUser().withId('u-ana').build(),
    );
  });
});

describe('rescheduling, cancelling and the status of an appointment', () => {
  it('moves an appointment, over its own old slot, scheduled again with a new reminder', async () => {
    const { useCases, book, world } = await agendaWorld();
    const booked = await book(WED_10);
    await useCases.status.execute({ actor: actorNamed('u-ana'), appointmentId: booked.id, status: 'confirmed' });
    const before = world.events.published.length;

    const moved = await useCases.reschedule.execute({
      actor: actorNamed('u-ana'),
      appointmentId: booked.id,
      startsAt: WED_10 + 30 * 60_000,
      endsAt: WED_10 + 90 * 60_000,
    });

    expect(moved).toMatchObject({
      ok: true,
      value: {
        id: booked.id,
        status: 'scheduled',
        startsAt: WED_10 + 30 * 60_000,
        reminder: { state: 'pending', dueAt: WED_10 + 30 * 60_000 - 3 * HOUR_MS },
      },
    });
    expect(world.events.published.slice(before)).toEqual([
      expect.objectContaining({
        type: 'appointment_changed',
        appointmentId: booked.id,
        change: 'rescheduled',
        status: 'scheduled',
      }),
    ]);
  });

  it('re-checks the new slot: past, hours and the advisor’s other appointments', async () => {
    const { useCases, book } = await agendaWorld();
    const first = await book(WED_10);
    const second = await book(WED_10 + 2 * HOUR_MS);
    const move = (startsAt: number) =>
      useCases.reschedule.execute({
        actor: actorNamed('u-ana'),
        appointmentId: first.id,
        startsAt,
        endsAt: startsAt + HOUR_MS,
      });

    expect(await move(WED_10 + 2 * HOUR_MS)).toMatchObject({
      ok: false,
      error: { type: 'AppointmentOverlaps', appointmentId: second.id },
    });
    expect(await move(T0 - HOUR_MS)).toMatchObject({ ok: false, error: { type: 'AppointmentInPast' } });
    expect(await move(WED_10 + 10 * HOUR_MS)).toMatchObject({ ok: false, error: { type: 'OutsideWorkingHours' } });
    await useCases.status.execute({ actor: actorNamed('u-ana'), appointmentId: second.id, status: 'cancelled' });
    expect((await move(WED_10 + 2 * HOUR_MS)).ok).toBe(true);
  });

  it('cancels: the slot is free, the reminder dropped, and a cancelled one neither moves nor changes', async () => {
    const { useCases, book, world } = await agendaWorld();
    const booked = await book(WED_10);
    const cancelled = await useCases.status.execute({
      actor: actorNamed('u-ana'),
      appointmentId: booked.id,
      status: 'cancelled',
    });

    expect(cancelled).toMatchObject({ ok: true, value: { status: 'cancelled', reminder: { state: 'none' } } });
    expect((await book(WED_10)).status).toBe('scheduled');
    expect(
      await useCases.reschedule.execute({
        actor: actorNamed('u-ana'),
        appointmentId: booked.id,
        startsAt: WED_10 + 4 * HOUR_MS,
        endsAt: WED_10 + 5 * HOUR_MS,
      }),
    ).toEqual({
      ok: false,
      error: { type: 'InvalidAppointmentTransition', appointmentId: booked.id, from: 'cancelled', to: 'rescheduled' },
    });
    expect(
      await useCases.status.execute({ actor: actorNamed('u-ana'), appointmentId: booked.id, status: 'confirmed' }),
    ).toMatchObject({
      ok: false,
      error: { type: 'InvalidAppointmentTransition', from: 'cancelled', to: 'confirmed' },
    });
    const agenda = await useCases.agenda.execute({ actor: actorNamed('u-ana'), from: T0, to: T0 + 7 * DAY_MS });
    expect(agenda.ok && agenda.value.map((a) => a.status)).toEqual(['cancelled', 'scheduled']);
    expect(
      world.events.published
        .filter((e) => e.type === 'appointment_changed')
        .map((e) => e.type === 'appointment_changed' && e.change),
    ).toEqual(['scheduled', 'status_changed', 'scheduled']);
  });

  it('records held or missed only once it has started', async () => {
    const { useCases, book, world } = await agendaWorld();
    const booked = await book(WED_10);
    const done = () =>
      useCases.status.execute({ actor: actorNamed('u-ana'), appointmentId: booked.id, status: 'done' });

    expect(await done()).toEqual({
      ok: false,
      error: { type: 'AppointmentNotStarted', appointmentId: booked.id, startsAt: WED_10 },
    });
    world.clock.set(WED_10 + 30 * 60_000);
    expect(await done()).toMatchObject({ ok: true, value: { status: 'done', reminder: { state: 'none' } } });
    // The lead came to the sales room: the visit is "visita realizada".
    expect((await world.read((r) => r.visits.byId(booked.visitId)))?.stage).toBe('visited');
  });

  it('lets the lead’s advisor and managers act, and hides the appointment from other advisors', async () => {
    const { useCases, book } = await agendaWorld();
    const booked = await book(WED_10);
    const as = (who: string) =>
      useCases.status.execute({ actor: actorNamed(who), appointmentId: booked.id, status: 'confirmed' });

    expect(await as('u-carlos')).toEqual({
      ok: false,
      error: { type: 'AppointmentNotFound', appointmentId: booked.id },
    });
    expect((await as('u-jorge')).ok).toBe(true);
    expect(
      await useCases.status.execute({
        actor: actorNamed('u-ana'),
        appointmentId: asId<AppointmentId>('appt-none'),
        status: 'cancelled',
      }),
    ).toMatchObject({ ok: false, error: { type: 'AppointmentNotFound' } });
  });
});
