import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../domain/shared/time.ts';
import { toMiradorOutcomeChoice } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';

describe('a lead who reacts, and one who comes back the next day (issue 16)', () => {
  it('takes a 👍 on the consent question as the consent, with the reaction as its evidence', async () => {
    const desk = await startDesk();
    const lina = desk.whatsapp.lead('+573007772001', 'Lina Gómez');
    await lina.say('Hola');
    await lina.say('lina.gomez@correo.com');
    const question = lina.lastMessage();
    if (question === null) throw new Error('no consent question');

    const thumbs = await lina.react('👍', question.waMessageId);
    await desk.idle();

    expect(lina.lastText()).toBe('¡Gracias! ¿Cómo quieres buscar tu inmueble?');
    const lead = await desk.read((r) => r.leads.byIdentity({ phone: lina.phone, userId: null }));
    expect(lead?.consent?.messageId).toBe(thumbs.waMessageId);
  });

  it('ignores a reaction on anything but the current yes/no question', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573007772002');
    const before = camila.inbox().length;
    const last = camila.lastMessage();

    await camila.react('❤️', last?.waMessageId ?? 'none');
    await desk.idle();

    // No reply: the reaction is kept for the advisor, the bot says nothing.
    expect(camila.inbox()).toHaveLength(before);
  });

  it('welcomes back a lead who writes again a day later, and carries on where they were', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573007772003');
    desk.clock.advance(26 * HOUR_MS);

    await camila.say('Hola, sigo interesada');
    await desk.idle();
    expect(camila.lastText()).toBe('¡Hola de nuevo! 👋 ¿Seguimos con Mirador de El Poblado o empezamos otra búsqueda?');

    await camila.tap('Seguir');
    await desk.idle();
    expect(camila.lastText()).toContain('Apartamento 2 alcobas');
  });
});

describe('a question mid-flow (issue 16)', () => {
  it('is acknowledged, kept for the advisor on the visit the lead is looking at, and shown on the visit card', async () => {
    const { leadRouter } = await import('../support/lead-desk-routes.ts');
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573007772004');

    await camila.say('¿tienen parqueadero para visitantes?');
    await desk.idle();

    expect(camila.inbox().at(-2)?.content).toMatchObject({ body: expect.stringContaining('¡Buena pregunta!') });
    const lead = await desk.read((r) => r.leads.byIdentity({ phone: camila.phone, userId: null }));
    const [visit] = await desk.read((r) => r.visits.byLead(lead?.id ?? ('none' as never)));
    const card = (await (await leadRouter(desk).as('admin').get(`/visits/${visit?.id}`)).json()) as {
      notes: { text: string }[];
    };
    expect(card.notes.map((n) => n.text)).toEqual(['¿tienen parqueadero para visitantes?']);
  });
});
