import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/shared/time.ts';
import { T0 } from '../support/t0.ts';
import { visitCardRouter } from '../support/visit-card-desk.ts';

type Card = {
  visit: { stage: string };
  units: { id: string; status: string }[];
  reservations: { id: string; status: string }[];
};

const PAYMENT = { amount: { amount: 5_000_000, currency: 'COP' }, paidOn: '2026-11-24', reference: 'TRF-8841' };

describe('CRM reservations over HTTP: separation, payment, promesa, withdrawal', () => {
  it('separates with its payment and an expiry 8 days on, records a payment later, and refuses a bad one', async () => {
    const { send, visit, advisor, units } = await visitCardRouter();
    const [first] = units;

    const reserved = await send(advisor, 'POST', `/visits/${visit.id}/reservations`, {
      unitId: first?.id,
      payment: PAYMENT,
    });
    const body = (await reserved.json()) as { id: string };
    const later = await send(advisor, 'PUT', `/reservations/${body.id}/payment`, { ...PAYMENT, reference: null });
    const future = await send(advisor, 'PUT', `/reservations/${body.id}/payment`, { ...PAYMENT, paidOn: '2027-01-01' });
    const dollars = await send(advisor, 'PUT', `/reservations/${body.id}/payment`, {
      ...PAYMENT,
      amount: { amount: 100, currency: 'USD' },
    });

    expect(reserved.status).toBe(201);
    expect(body).toMatchObject({
      status: 'requested',
      payment: PAYMENT,
      quote: null,
      expiresAt: new Date(T0 + 8 * DAY_MS).toISOString(),
      stageBefore: 'new',
    });
    expect(later.status).toBe(200);
    expect(await later.json()).toMatchObject({ payment: { ...PAYMENT, reference: null } });
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ code: 'invalid_separation_payment', field: 'date' });
    expect(await dollars.json()).toMatchObject({ code: 'invalid_separation_payment', field: 'currency' });
  });

  it('signs the promesa only once authorised: the unit is sold then; deeded and delivered follow', async () => {
    const { send, visit, advisor, units } = await visitCardRouter();
    const unitId = units[0]?.id;
    const { id } = (await (await send(advisor, 'POST', `/visits/${visit.id}/reservations`, { unitId })).json()) as {
      id: string;
    };
    const early = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'promise' });
    await send('u-jorge', 'POST', `/reservations/${id}/authorise`);
    const signed = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'promise' });
    const cancelAfter = await send(advisor, 'POST', `/reservations/${id}/cancel`);
    const deeded = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'deeded' });
    const delivered = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'delivered' });
    const card = (await (await send(advisor, 'GET', `/visits/${visit.id}`)).json()) as Card;

    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'invalid_stage_transition', from: 'reserved', to: 'promise' });
    expect(await signed.json()).toMatchObject({ stage: 'promise' });
    expect(cancelAfter.status).toBe(409);
    expect(await cancelAfter.json()).toMatchObject({ code: 'reservation_closed', reservationStatus: 'confirmed' });
    expect([deeded.status, delivered.status]).toEqual([200, 200]);
    expect(card.visit.stage).toBe('delivered');
    expect(card.units.find((u) => u.id === unitId)?.status).toBe('sold');
    expect(card.reservations.map((r) => r.status)).toEqual(['confirmed']);
  });

  it('withdraws a visit after the promesa (desistido): the unit is available again, the visit moves no more', async () => {
    const { send, visit, advisor, units } = await visitCardRouter();
    const unitId = units[0]?.id;
    const { id } = (await (await send(advisor, 'POST', `/visits/${visit.id}/reservations`, { unitId })).json()) as {
      id: string;
    };
    await send('u-jorge', 'POST', `/reservations/${id}/authorise`);
    await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'promise' });

    const withdrawn = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'withdrawn' });
    const again = await send(advisor, 'PATCH', `/visits/${visit.id}/stage`, { stage: 'lost' });
    const card = (await (await send(advisor, 'GET', `/visits/${visit.id}`)).json()) as Card;

    expect(await withdrawn.json()).toMatchObject({ stage: 'withdrawn' });
    expect(again.status).toBe(409);
    expect(card.units.find((u) => u.id === unitId)?.status).toBe('available');
    expect(card.reservations.map((r) => r.status)).toEqual(['cancelled']);
  });

  it('freezes only a quote of this visit for this unit (422 quote_not_for_unit)', async () => {
    const { send, visit, advisor, units } = await visitCardRouter();
    const response = await send(advisor, 'POST', `/visits/${visit.id}/reservations`, {
      unitId: units[0]?.id,
      quoteId: 'quote-nope',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'quote_not_for_unit' });
  });
});

describe('CRM funnel settings over HTTP', () => {
  it('shows every stage with its Spanish label to anyone, and lets only admins rename stages and change the expiry', async () => {
    const { send, advisor } = await visitCardRouter();

    const read = await send(advisor, 'GET', '/settings/funnel');
    const byAdvisor = await send(advisor, 'PUT', '/settings/funnel', { reservationExpiryDays: 10 });
    const saved = await send('admin', 'PUT', '/settings/funnel', {
      stageLabels: { promise: 'Vinculado' },
      reservationExpiryDays: 10,
    });
    const unknown = await send('admin', 'PUT', '/settings/funnel', { stageLabels: { authorised: 'Autorizado' } });
    const tooLong = await send('admin', 'PUT', '/settings/funnel', { reservationExpiryDays: 91 });

    expect(read.status).toBe(200);
    const body = (await read.json()) as { stages: { stage: string; label: string; final: boolean }[] };
    expect(body).toMatchObject({ reservationExpiryDays: 8 });
    expect(body.stages.map((s) => s.label)).toEqual([
      'Prospecto',
      'Contactado',
      'Cita agendada',
      'Visita realizada',
      'Cotizado',
      'Separado',
      'Promesa firmada',
      'Escriturado',
      'Entregado',
      'Desistido',
      'Perdido',
    ]);
    expect(body.stages.filter((s) => s.final).map((s) => s.stage)).toEqual(['delivered', 'withdrawn', 'lost']);
    expect(byAdvisor.status).toBe(403);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      reservationExpiryDays: 10,
      stages: expect.arrayContaining([{ stage: 'promise', label: 'Vinculado', final: false }]),
    });
    expect([unknown.status, tooLong.status]).toEqual([422, 422]);
  });

  it('gives a new reservation the configured days to sign the promesa', async () => {
    const { send, visit, advisor, units } = await visitCardRouter();
    await send('admin', 'PUT', '/settings/funnel', { reservationExpiryDays: 3 });
    const reserved = await send(advisor, 'POST', `/visits/${visit.id}/reservations`, { unitId: units[0]?.id });
    expect(await reserved.json()).toMatchObject({ expiresAt: new Date(T0 + 3 * DAY_MS).toISOString() });
  });
});
