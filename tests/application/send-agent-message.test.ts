import { describe, expect, it } from 'vitest';
import type { AgentContent, SendAgentMessageInput } from '../../application/use-cases/send-agent-message.ts';
import { asId, type LeadId, type MediaId, type MessageId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { anOggOpus } from '../builders/media-fixtures.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { startDesk, T0, type Desk } from '../support/desk-harness.ts';
import { actorNamed } from '../support/lead-desk-routes.ts';

const ana = asId<UserId>('u-ana');
const text = (body: string): AgentContent => ({ kind: 'text', body });
const bienvenida = (...parameters: string[]): AgentContent => ({
  kind: 'template',
  name: 'bienvenida',
  language: 'es_CO',
  parameters,
});

/** A desk with one lead registered through the bot at T0 (no visit yet). */
const deskWithLead = async () => {
  const desk = await startDesk();
  const { person, lead } = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
  const send = (content: AgentContent, extra: Partial<SendAgentMessageInput> = {}) =>
    desk.sendAgentMessage.execute({ actor: actorNamed(ana), leadId: lead.id, author: ana, content, ...extra });
  const stored = () => desk.read((r) => r.messages.byLead(lead.id));
  return { desk, person, lead, send, stored };
};

const saveVisit = (desk: Desk, leadId: string, id: string, createdAt: number) =>
  desk.read((r) =>
    r.visits.save(aVisit().withId(id).ofLead(leadId).forProject('p-bog-1').createdAt(createdAt).build()),
  );

describe('SendAgentMessage', () => {
  it('sends free text inside the window and stores it as sent once dispatched', async () => {
    const { desk, person, send } = await deskWithLead();
    desk.clock.advance(23 * 60 * MINUTE_MS);

    const result = await send(text('Hola Pedro, soy Ana.'));
    await desk.idle();

    expect(result).toMatchObject({ ok: true, value: { status: 'queued', author: { kind: 'user', userId: 'u-ana' } } });
    const sent = desk.whatsapp.sentTo(person.phone).at(-1);
    expect(sent?.content).toEqual({ kind: 'text', body: 'Hola Pedro, soy Ana.' });
    const id = result.ok ? result.value.id : asId<MessageId>('none');
    expect(await desk.read((r) => r.messages.byId(id))).toMatchObject({
      status: 'sent',
      waMessageId: sent?.waMessageId,
    });
  });

  it('refuses free text exactly 24 hours after the last inbound message, storing and sending nothing', async () => {
    const { desk, person, send, stored } = await deskWithLead();
    const before = { stored: (await stored()).length, sent: person.inbox().length };
    desk.clock.set(T0 + DAY_MS);

    const result = await send(text('¿Sigues interesado?'));
    await desk.idle();

    expect(result).toEqual({ ok: false, error: { type: 'WindowClosed' } });
    expect((await stored()).length).toBe(before.stored);
    expect(person.inbox()).toHaveLength(before.sent);
  });

  it('sends an approved template outside the window, stored with its rendered text', async () => {
    const { desk, person, send } = await deskWithLead();
    desk.clock.advance(3 * DAY_MS);

    const result = await send(bienvenida('Pedro', 'Ana'));
    await desk.idle();

    const renderedText =
      '¡Hola Pedro! Soy Ana, tu asesor(a) de vivienda. ¿Te puedo ayudar con tu búsqueda? Responde este mensaje para conversar.';
    expect(result).toMatchObject({
      ok: true,
      value: { content: { kind: 'template', name: 'bienvenida', renderedText } },
    });
    expect(person.lastText()).toBe(renderedText);
  });

  it.each([
    [
      'a template with the wrong number of parameters',
      bienvenida('Pedro'),
      { type: 'TemplateParameterMismatch', expected: 2, given: 1 },
    ],
    [
      'a template still pending approval',
      { kind: 'template', name: 'promocion_lanzamiento', language: 'es_CO', parameters: ['a', 'b'] },
      { type: 'TemplateNotFound', name: 'promocion_lanzamiento', language: 'es_CO' },
    ],
    ['an empty text', text(''), { type: 'InvalidMessage', violations: ['text body length'] }],
    [
      'a text longer than 4096 characters',
      text('x'.repeat(5000)),
      { type: 'InvalidMessage', violations: ['text body length'] },
    ],
    [
      'a voice note labelled audio/opus',
      { kind: 'media', mediaKind: 'audio', mediaId: asId<MediaId>('m-1'), mimeType: 'audio/opus', voice: true },
      { type: 'InvalidMessage', violations: [expect.stringContaining('audio/ogg')] },
    ],
  ] as const)('refuses %s and stores nothing', async (_, content, error) => {
    const { send, stored } = await deskWithLead();
    const before = (await stored()).length;

    expect(await send(content)).toEqual({ ok: false, error });
    expect((await stored()).length).toBe(before);
  });

  it('accepts an OGG/Opus voice note sent as audio/ogg', async () => {
    const { desk, send } = await deskWithLead();
    const mediaId = await desk.media.put({
      bytes: anOggOpus(),
      mimeType: 'audio/ogg',
      filename: null,
      owner: { kind: 'user', userId: ana },
    });
    const voice: AgentContent = { kind: 'media', mediaKind: 'audio', mediaId, mimeType: 'audio/ogg', voice: true };

    expect(await send(voice)).toMatchObject({ ok: true, value: { content: voice } });
  });

  it('refuses a file that was never uploaded', async () => {
    const { send, stored } = await deskWithLead();
    const before = (await stored()).length;
    const mediaId = asId<MediaId>('media-missing');

    expect(
      await send({ kind: 'media', mediaKind: 'document', mediaId, mimeType: 'application/pdf', filename: 'x.pdf' }),
    ).toEqual({
      ok: false,
      error: { type: 'MediaNotFound', mediaId },
    });
    expect((await stored()).length).toBe(before);
  });

  it('refuses a lead it does not know', async () => {
    const desk = await startDesk();
    const leadId = asId<LeadId>('lead-nobody');

    expect(
      await desk.sendAgentMessage.execute({ actor: actorNamed(ana), leadId, author: ana, content: text('Hola') }),
    ).toEqual({
      ok: false,
      error: { type: 'LeadNotFound', leadId },
    });
  });

  it('allows free text again once the lead replies', async () => {
    const { desk, person, send } = await deskWithLead();
    desk.clock.advance(2 * DAY_MS);
    expect(await send(text('¿Hola?'))).toMatchObject({ ok: false, error: { type: 'WindowClosed' } });

    await person.say('Hola, sí sigo interesado');
    desk.clock.advance(MINUTE_MS);

    expect(await send(text('¡Qué bien! Te llamo.'))).toMatchObject({ ok: true });
  });

  it("refuses to file a message under another lead's visit", async () => {
    const { desk, send } = await deskWithLead();
    const other = await registerThroughBot(desk, '+573007770002', 'Otra Persona');
    await saveVisit(desk, other.lead.id, 'visit-other', T0);
    const visitId = asId<VisitId>('visit-other');

    expect(await send(text('Hola'), { visitId })).toEqual({ ok: false, error: { type: 'VisitNotFound', visitId } });
  });

  it("files a message under the lead's most recent visit by default, or the one given", async () => {
    const { desk, lead, send } = await deskWithLead();
    await saveVisit(desk, lead.id, 'visit-old', T0 - 2 * DAY_MS);
    await saveVisit(desk, lead.id, 'visit-new', T0 - DAY_MS);

    expect(await send(text('Sobre tu última búsqueda'))).toMatchObject({ ok: true, value: { visitId: 'visit-new' } });
    expect(await send(text('Sobre Salitre'), { visitId: asId<VisitId>('visit-old') })).toMatchObject({
      ok: true,
      value: { visitId: 'visit-old' },
    });
  });
});
