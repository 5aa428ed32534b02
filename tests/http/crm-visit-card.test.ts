import { describe, expect, it } from 'vitest';
import { visitCardRouter } from '../support/visit-card-desk.ts';

const FROM = '2026-11-25T15:00:00.000Z';
const TO = '2026-11-25T16:00:00.000Z';

describe('CRM visit card over HTTP', () => {
  it('shows the card to the lead’s advisor and 404 to another advisor', async () => {
    const { send, visit, advisor, other } = await visitCardRouter();

    const card = await send(advisor, 'GET', `/visits/${visit.id}`);
    const hidden = await send(other, 'GET', `/visits/${visit.id}`);

    expect(card.status).toBe(200);
    expect(await card.json()).toMatchObject({
      visit: { id: visit.id, stage: 'new' },
      units: expect.arrayContaining([expect.objectContaining({ status: 'available' })]),
      appointments: [],
      reservations: [],
    });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'visit_not_found' });
  });

  it('schedules (201), refuses an overlap (409) and lists the agenda', async () => {
    const { send, visit, advisor } = await visitCardRouter();

    const booked = await send(advisor, 'POST', `/visits/${visit.id}/appointments`, {
      startsAt: FROM,
      endsAt: TO,
      note: 'Sala',
    });
    const clash = await send(advisor, 'POST', `/visits/${visit.id}/appointments`, {
      startsAt: '2026-11-25T15:30:00Z',
      endsAt: '2026-11-25T16:30:00Z',
    });
    const agenda = await send(advisor, 'GET', `/agenda?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z`);
    const invalid = await send(advisor, 'POST', `/visits/${visit.id}/appointments`, { startsAt: TO, endsAt: FROM });

    expect(booked.status).toBe(201);
    expect(await booked.json()).toMatchObject({ advisorId: advisor, startsAt: FROM, endsAt: TO, note: 'Sala' });
    expect(clash.status).toBe(409);
    expect(clash.headers.get('content-type')).toContain('application/problem+json');
    expect(await clash.json()).toMatchObject({ code: 'appointment_overlaps' });
    expect(await agenda.json()).toMatchObject({ items: [{ startsAt: FROM }] });
    expect(invalid.status).toBe(422);
    expect((await send(advisor, 'GET', `/visits/${visit.id}`)).status).toBe(200);
  });

  it('reserves (201), refuses the same unit again (409), and only managers authorise: the unit stays separated', async () => {
    const { send, visit, advisor, units } = await visitCardRouter();
    const unitId = units[0]?.id;

    const reserved = await send(advisor, 'POST', `/visits/${visit.id}/reservations`, { unitId });
    const again = await send('u-jorge', 'POST', `/visits/${visit.id}/reservations`, { unitId });
    const { id } = (await reserved.json()) as { id: string };
    const byAdvisor = await send(advisor, 'POST', `/reservations/${id}/authorise`);
    const byManager = await send('u-jorge', 'POST', `/reservations/${id}/authorise`);
    const card = (await (await send('admin', 'GET', `/visits/${visit.id}`)).json()) as {
      visit: { stage: string };
      units: { id: string; status: string }[];
    };

    expect(reserved.status).toBe(201);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'unit_not_available' });
    expect(byAdvisor.status).toBe(403);
    expect(byManager.status).toBe(200);
    expect(await byManager.json()).toMatchObject({ status: 'authorised', authorisedBy: 'u-jorge' });
    expect(card.visit.stage).toBe('reserved');
    expect(card.units.find((u) => u.id === unitId)?.status).toBe('reserved');
  });

  it('cancels a requested reservation: the unit is free again and the visit may reserve another', async () => {
    const { send, visit, advisor, other, units } = await visitCardRouter();
    const [first, second] = [units[0]?.id, units[1]?.id];
    const { id } = (await (
      await send(advisor, 'POST', `/visits/${visit.id}/reservations`, { unitId: first })
    ).json()) as { id: string };

    const byOther = await send(other, 'POST', `/reservations/${id}/cancel`);
    const cancelled = await send(advisor, 'POST', `/reservations/${id}/cancel`);
    const twice = await send(advisor, 'POST', `/reservations/${id}/cancel`);
    const another = await send(advisor, 'POST', `/visits/${visit.id}/reservations`, { unitId: second });
    const card = (await (await send(advisor, 'GET', `/visits/${visit.id}`)).json()) as {
      visit: { stage: string };
      units: { id: string; status: string }[];
    };

    expect(byOther.status).toBe(404);
    expect(await byOther.json()).toMatchObject({ code: 'reservation_not_found' });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id, status: 'cancelled' });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'reservation_closed', reservationStatus: 'cancelled' });
    expect(another.status).toBe(201);
    expect(card.visit.stage).toBe('reserved');
    expect(card.units.find((u) => u.id === first)?.status).toBe('available');
    expect(card.units.find((u) => u.id === second)?.status).toBe('reserved');
  });

  it('moves the stage along valid transitions only', async () => {
    const { send, visit, advisor } = await visitCardRouter();

    expect((await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'lost' })).status).toBe(200);
    const back = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'contacted' });
    expect(back.status).toBe(409);
    expect(await back.json()).toMatchObject({ code: 'invalid_stage_transition', from: 'lost', to: 'contacted' });
    expect((await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'authorised' })).status).toBe(422);
    expect((await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'reserved' })).status).toBe(422);
  });
});
