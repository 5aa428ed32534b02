import { describe, expect, it } from 'vitest';
import type { UserId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aLead } from '../builders/lead-builder.ts';
import { theFakeWhatsAppLine } from '../builders/line-builder.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';
import { aWorld, chatOf } from '../support/world.ts';

const SOON = 'Recibimos tu mensaje 🙌 Ana te responde en breve.';
const acks = (texts: readonly string[]) => texts.filter((t) => t.startsWith('Recibimos tu mensaje'));

/**
 * A registered lead writing while their advisor has not answered gets one acknowledgement per 24 hours, with the
 * advisor's name and when they answer; the advisor's conversation is otherwise left to the advisor.
 */
describe('a registered lead writing to their advisor', () => {
  const handedToAna = async () => {
    const desk = await startDesk();
    const { person, lead } = await registerThroughBot(desk, '+573001112233', 'María Pérez');
    expect(lead.advisorId).toBe('u-ana');
    const texts = () => person.inbox().flatMap((m) => (m.content.kind === 'text' ? [m.content.body] : []));
    return { desk, person, lead, texts };
  };

  it('is told once that Ana answers soon, not once per message', async () => {
    const { desk, person, lead, texts } = await handedToAna();

    await person.say('Hola, ¿me ayudan con el precio del parqueadero?');
    await person.say('¿Hola?');
    await person.say('Quedo atenta');
    await desk.idle();

    expect(acks(texts())).toEqual([SOON]);
    const [conversation] = await desk.read((r) => r.conversations.byLead(lead.id));
    expect(conversation?.acknowledgedAt).toBe(T0);
  });

  it('is told again after 24 hours without an answer, and says when Ana is back outside her hours', async () => {
    const { desk, person, texts } = await handedToAna();
    await person.say('Hola, ¿me ayudan?');

    desk.clock.set(T0 + DAY_MS + HOUR_MS); // Wednesday 11:00
    await person.say('¿Siguen ahí?');
    desk.clock.set(T0 + 4 * DAY_MS + 5 * HOUR_MS); // Saturday 15:00: Ana is off until Monday
    await person.say('Escribo de nuevo');
    await desk.idle();

    expect(acks(texts())).toEqual([
      SOON,
      SOON,
      'Recibimos tu mensaje 🙌 Ana te responde a partir del lunes a las 8:00 a. m.',
    ]);
  });

  it('is not told anything once Ana answered the previous message', async () => {
    const { desk, person, lead, texts } = await handedToAna();
    await person.say('Hola, ¿me ayudan?');
    desk.clock.set(T0 + 23 * HOUR_MS);
    const ana = lead.advisorId as UserId;
    const sent = await desk.sendAgentMessage.execute({
      actor: { kind: 'user', userId: ana, role: 'advisor' },
      leadId: lead.id,
      author: ana,
      content: { kind: 'text', body: 'Hola María, ya te cuento' },
    });
    expect(sent.ok).toBe(true);

    // A day after the acknowledgement, but Ana answered the lead's previous message: they are talking.
    desk.clock.set(T0 + 25 * HOUR_MS);
    await person.say('¡Gracias!');
    await desk.idle();

    expect(acks(texts())).toEqual([SOON]);
  });

  it('gets nothing for a reaction', async () => {
    const { desk, person, texts } = await handedToAna();
    const last = person.inbox().at(-1);

    await person.react('👍', last?.waMessageId ?? '');
    await desk.idle();

    expect(acks(texts())).toEqual([]);
  });

  it('is told an advisor will answer when the lead has none yet (a CRM lead writing in)', async () => {
    const world = aWorld(T0);
    const line = theFakeWhatsAppLine().build();
    await world.given({ lines: [line], leads: [aLead().withLine(line.id).withPhone('+573004445566').build()] });
    const { whatsapp } = chatOf(world);
    const lead = whatsapp.lead('+573004445566');

    await lead.say('Buenas tardes, me interesa el proyecto');
    await lead.say('¿Me pueden llamar?');

    expect(lead.inbox().map((m) => (m.content.kind === 'text' ? m.content.body : m.content.kind))).toEqual([
      'Recibimos tu mensaje 🙌 Un asesor te responderá pronto.',
    ]);
  });
});
