import { describe, expect, it } from 'vitest';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';

/** A registered lead whose conversation is their advisor's asks for another quote: the bot takes it if the line lets it. */
describe('"cotizar otro" from a registered lead', () => {
  const registered = async (botQuotesForRegistered: boolean) => {
    const desk = await startDesk();
    await desk.read(async (r) => {
      const line = await r.lines.byId('line-main' as never);
      if (line !== null) await r.lines.save({ ...line, botQuotesForRegistered });
    });
    const { person, lead } = await registerThroughBot(desk, '+573001112244', 'Pedro Ríos');
    const conversation = async () => (await desk.read((r) => r.conversations.byLead(lead.id)))[0];
    return { desk, person, lead, conversation };
  };

  it('resumes the search with the bot when the line allows it; the lead keeps their advisor', async () => {
    const { desk, person, lead, conversation } = await registered(true);
    expect((await conversation())?.bot.step).toBe('withAdvisor');

    await person.say('Quiero cotizar otro apartamento');
    await desk.idle();

    expect(person.lastText()).toBe('¡Claro! Busquemos otra opción para cotizar.\n\n¿Cómo quieres buscar tu inmueble?');
    expect((await conversation())?.bot).toMatchObject({
      step: 'choosingFilter',
      session: { email: expect.any(String) },
    });
    expect((await desk.read((r) => r.leads.byId(lead.id)))?.advisorId).toBe(lead.advisorId);
    expect(desk.events.published).toContainEqual(expect.objectContaining({ type: 'conversation_handed', to: 'bot' }));

    await person.tap('Precio');
    await desk.idle();
    expect(person.lastText()).toBe('¿En qué rango de precio buscas?');
  });

  it('leaves the message to the advisor when the line does not (the default)', async () => {
    const { desk, person, conversation } = await registered(false);

    await person.say('otra cotización');
    await desk.idle();

    expect((await conversation())?.bot.step).toBe('withAdvisor');
    expect(person.lastText()).toBe('Recibimos tu mensaje 🙌 Ana te responde en breve.');
  });
});
