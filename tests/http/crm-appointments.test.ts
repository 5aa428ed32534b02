import { describe, expect, it } from 'vitest';
import { visitCardRouter } from '../support/visit-card-desk.ts';

/** Wednesday 25 Nov 2026 in Bogotá (UTC−5), the day after the desk's clock. */
const WED = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 25, hour + 5, minute)).toISOString();

const slot = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });

describe('CRM appointments over HTTP', () => {
  it('refuses a slot in the past (422 appointment_in_past) and one outside working hours (422 outside_working_hours)', async () => {
    const { send, visit, advisor } = await visitCardRouter();

    const past = await send(
      advisor,
      'POST',
      `/visits/${visit.id}/appointments`,
      slot('2026-11-23T15:00:00Z', '2026-11-23T16:00:00Z'),
    );
    const evening = await send(advisor, 'POST', `/visits/${visit.id}/appointments`, slot(WED(18), WED(19)));
    const holiday = await send(
      advisor,
      'POST',
      `/visits/${visit.id}/appointments`,
      slot('2026-12-08T15:00:00Z', '2026-12-08T16:00:00Z'),
    );

    expect(past.status).toBe(422);
    expect(past.headers.get('content-type')).toContain('application/problem+json');
    expect(await past.json()).toMatchObject({ code: 'appointment_in_past', now: '2026-11-24T15:00:00.000Z' });
    expect(evening.status).toBe(422);
    expect(await evening.json()).toMatchObject({
      code: 'outside_working_hours',
      advisorId: advisor,
      date: '2026-11-25',
      weekday: 'wednesday',
      holiday: null,
      workingHours: [{ opens: '08:00', closes: '18:00' }],
    });
    expect(await holiday.json()).toMatchObject({
      code: 'outside_working_hours',
      holiday: 'Día de la Inmaculada Concepción',
      workingHours: [],
    });
  });

  it('books, confirms, reschedules and cancels, with the status on the card and the agenda', async () => {
    const { send, visit, advisor } = await visitCardRouter();
    const booked = await send(advisor, 'POST', `/visits/${visit.id}/appointments`, slot(WED(10), WED(11)));
    const appointment = (await booked.json()) as { id: string };
    expect(booked.status).toBe(201);
    expect(appointment).toMatchObject({
      status: 'scheduled',
      reminder: { state: 'pending', dueAt: '2026-11-24T15:00:00.000Z', via: null, reason: null },
    });

    const confirmed = await send(advisor, 'PATCH', `/appointments/${appointment.id}/status`, { status: 'confirmed' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed' });

    const moved = await send(advisor, 'POST', `/appointments/${appointment.id}/reschedule`, slot(WED(15), WED(16)));
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      status: 'scheduled',
      startsAt: WED(15),
      reminder: { state: 'pending', dueAt: '2026-11-24T20:00:00.000Z' },
    });

    const cancelled = await send(advisor, 'POST', `/appointments/${appointment.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', reminder: { state: 'none', dueAt: null } });

    const again = await send(advisor, 'POST', `/appointments/${appointment.id}/cancel`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'invalid_appointment_transition',
      from: 'cancelled',
      to: 'cancelled',
    });
    const card = (await (await send(advisor, 'GET', `/visits/${visit.id}`)).json()) as {
      appointments: { status: string }[];
    };
    expect(card.appointments.map((a) => a.status)).toEqual(['cancelled']);
    const agenda = await send(advisor, 'GET', '/agenda?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z');
    expect(await agenda.json()).toMatchObject({ items: [{ id: appointment.id, status: 'cancelled' }] });
  });

  it('answers 409 for held before it starts, 404 to another advisor, 422 for an unknown status', async () => {
    const { send, visit, advisor, other } = await visitCardRouter();
    const { id } = (await (
      await send(advisor, 'POST', `/visits/${visit.id}/appointments`, slot(WED(10), WED(11)))
    ).json()) as { id: string };

    const early = await send(advisor, 'PATCH', `/appointments/${id}/status`, { status: 'done' });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'appointment_not_started', startsAt: WED(10) });
    const hidden = await send(other, 'POST', `/appointments/${id}/cancel`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'appointment_not_found' });
    expect((await send(advisor, 'PATCH', `/appointments/${id}/status`, { status: 'scheduled' })).status).toBe(422);
    const overlapping = await send('u-jorge', 'POST', `/appointments/${id}/reschedule`, slot(WED(17), WED(19)));
    expect(await overlapping.json()).toMatchObject({ code: 'outside_working_hours' });
  });

  it('lets an admin set and clear a user’s working hours, which new bookings then follow', async () => {
    const { send, visit, advisor } = await visitCardRouter();
    const week = {
      monday: [{ opens: '08:00', closes: '12:00' }],
      tuesday: [],
      wednesday: [{ opens: '12:00', closes: '20:00' }],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [{ opens: '10:00', closes: '14:00' }],
    };

    expect((await send(advisor, 'PUT', `/users/${advisor}/working-hours`, week)).status).toBe(403);
    const set = await send('admin', 'PUT', `/users/${advisor}/working-hours`, week);
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ id: advisor, workingHours: week });
    const users = (await (await send('admin', 'GET', '/users')).json()) as {
      users: { id: string; workingHours: unknown }[];
    };
    expect(users.users.find((u) => u.id === advisor)?.workingHours).toEqual(week);
    expect((await send(advisor, 'POST', `/visits/${visit.id}/appointments`, slot(WED(10), WED(11)))).status).toBe(422);
    expect((await send(advisor, 'POST', `/visits/${visit.id}/appointments`, slot(WED(18), WED(19)))).status).toBe(201);

    const bad = await send('admin', 'PUT', `/users/${advisor}/working-hours`, {
      ...week,
      monday: [{ opens: '12:00', closes: '08:00' }],
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      code: 'invalid_working_hours',
      day: 'monday',
      reason: 'closes_before_opens',
    });
    expect((await send('admin', 'PUT', '/users/u-nobody/working-hours', week)).status).toBe(404);

    const cleared = await send('admin', 'DELETE', `/users/${advisor}/working-hours`);
    expect(await cleared.json()).toMatchObject({ workingHours: null });
  });

  it('documents the appointment routes, the working hours and the new problem codes in openapi.json', async () => {
    const { send } = await visitCardRouter();
    const document = (await (await send('admin', 'GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/appointments/{id}/reschedule',
        '/api/v1/appointments/{id}/cancel',
        '/api/v1/appointments/{id}/status',
        '/api/v1/users/{id}/working-hours',
      ]),
    );
    const schedule = document.paths['/api/v1/visits/{id}/appointments']?.post?.responses['422']?.description;
    expect(schedule).toContain('appointment_in_past');
    expect(schedule).toContain('outside_working_hours');
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Appointment', 'AppointmentReminder', 'WorkingHours', 'AppointmentStatusChange']),
    );
  });
});
