import { describe, expect, it } from 'vitest';
import {
  type AgentContent,
  SendAgentMessage,
  type SendAgentMessageInput,
} from '../../application/use-cases/send-agent-message.ts';
import { asId, type LeadId, type MediaId, type MessageId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { aLine } from '../builders/line-builder.ts';
import { anOggOpus } from '../builders/media-fixtures.ts';
import { someTemplates } from '../builders/template-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld, outboxOf, type World } from '../support/world.ts';

const ana = asId<UserId>('u-ana');
const PHONE = '+573007770001';
const text = (body: string): AgentContent => ({ kind: 'text', body });
const bienvenida = (...parameters: string[]): AgentContent => ({
  kind: 'template',
  name: 'bienvenida',
  language: 'es_CO',
  parameters,
});

/** Ana's lead Pedro, who last wrote at T0 on line-1 (no visit yet), and the templates. */
const deskWithLead = async () => {
  const world = aWorld(T0);
  const { lead, conversation } = aLeadInConversation('lead-pedro', PHONE, 'Pedro Díaz', ana, T0);
  await world.given({
    lines: [aLine().withId('line-1').build()],
    templates: someTemplates(),
    leads: [lead],
    conversations: [conversation],
  });
  const useCase = new SendAgentMessage(world.uow, world);
  const send = (content: AgentContent, extra: Partial<SendAgentMessageInput> = {}) =>
    useCase.execute({ actor: actorNamed(ana), leadId: lead.id, author: ana, content, ...extra });
  const stored = () => world.read((r) => r.messages.byLead(lead.id));
  const { whatsapp, dispatch } = outboxOf(world);
  return { world, lead, conversation, send, stored, whatsapp, person: whatsapp.lead(PHONE), dispatch };
};

const saveVisit = (world: World, leadId: string, id: string, createdAt: number) =>
  world.given({ visits: [aVisit().withId(id).ofLead(leadId).forProject('p-bog-1').createdAt(createdAt).build()] });

describe('SendAgentMessage', () => {
  it('sends free text inside the window and stores it as sent once dispatched', async () => {
    const { world, person, send, dispatch } = await deskWithLead();
    world.clock.advance(23 * 60 * MINUTE_MS);

    const result = await send(text('Hola Pedro, soy Ana.'));
    await dispatch();

    expect(result).toMatchObject({ ok: true, value: { status: 'queued', author: { kind: 'user', userId: 'u-ana' } } });
    const sent = person.inbox().at(-1);
    expect(sent?.content).toEqual({ kind: 'text', body: 'Hola Pedro, soy Ana.' });
    const id = result.ok ? result.value.id : asId<MessageId>('none');
    expect(await world.read((r) => r.messages.byId(id))).toMatchObject({
      status: 'sent',
      waMessageId: sent?.waMessageId,
    });
  });

  it('refuses free text exactly 24 hours after the last inbound message, storing and sending nothing', async () => {
    const { world, person, send, stored, dispatch } = await deskWithLead();
    world.clock.set(T0 + DAY_MS);

    const result = await send(text('¿Sigues interesado?'));
    await dispatch();

    expect(result).toEqual({ ok: false, error: { type: 'WindowClosed' } });
    expect(await stored()).toEqual([]);
    expect(person.inbox()).toEqual([]);
  });

  it('sends an approved template outside the window, stored with its rendered text', async () => {
    const { world, person, send, dispatch } = await deskWithLead();
    world.clock.advance(3 * DAY_MS);

    const result = await send(bienvenida('Pedro', 'Ana'));
    await dispatch();

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

    expect(await send(content)).toEqual({ ok: false, error });
    expect(await stored()).toEqual([]);
  });

  it('accepts an OGG/Opus voice note sent as audio/ogg', async () => {
    const { world, send } = await deskWithLead();
    const mediaId = await world.media.put({
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
    const mediaId = asId<MediaId>('media-missing');

    expect(
      await send({ kind: 'media', mediaKind: 'document', mediaId, mimeType: 'application/pdf', filename: 'x.pdf' }),
    ).toEqual({
      ok: false,
      error: { type: 'MediaNotFound', mediaId },
    });
    expect(await stored()).toEqual([]);
  });

  it('refuses a lead it does not know', async () => {
    const world = aWorld();
    const leadId = asId<LeadId>('lead-nobody');

    expect(
      await new SendAgentMessage(world.uow, world).execute({
        actor: actorNamed(ana),
        leadId,
        author: ana,
        content: text('Hola'),
      }),
    ).toEqual({
      ok: false,
      error: { type: 'LeadNotFound', leadId },
    });
  });

  it('allows free text again once the lead replies', async () => {
    const { world, conversation, send } = await deskWithLead();
    world.clock.advance(2 * DAY_MS);
    expect(await send(text('¿Hola?'))).toMatchObject({ ok: false, error: { type: 'WindowClosed' } });

    // The lead writes back: their message reopens the window.
    await world.given({ conversations: [{ ...conversation, lastInboundAt: world.clock.now() }] });
    world.clock.advance(MINUTE_MS);

    expect(await send(text('¡Qué bien! Te llamo.'))).toMatchObject({ ok: true });
  });

  it("refuses to file a message under another lead's visit", async () => {
    const { world, send } = await deskWithLead();
    await world.given({ leads: [aLead().withId('lead-other').assignedTo(ana, T0).build()] });
    await saveVisit(world, 'lead-other', 'visit-other', T0);
    const visitId = asId<VisitId>('visit-other');

    expect(await send(text('Hola'), { visitId })).toEqual({ ok: false, error: { type: 'VisitNotFound', visitId } });
  });

  it("files a message under the lead's most recent visit by default, or the one given", async () => {
    const { world, lead, send } = await deskWithLead();
    await saveVisit(world, lead.id, 'visit-old', T0 - 2 * DAY_MS);
    await saveVisit(world, lead.id, 'visit-new', T0 - DAY_MS);

    expect(await send(text('Sobre tu última búsqueda'))).toMatchObject({ ok: true, value: { visitId: 'visit-new' } });
    expect(await send(text('Sobre Salitre'), { visitId: asId<VisitId>('visit-old') })).toMatchObject({
      ok: true,
      value: { visitId: 'visit-old' },
    });
  });
});
