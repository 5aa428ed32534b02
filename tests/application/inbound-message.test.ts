import { describe, expect, it } from 'vitest';
import { asId, type LineId } from '../../domain/shared/ids.ts';
import { HOUR_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { theFakeWhatsAppLine } from '../builders/line-builder.ts';
import { phone } from '../builders/phone.ts';
import { T0 } from '../support/t0.ts';
import { aWorld, chatOf } from '../support/world.ts';

const line = asId<LineId>('line-main');

/**
 * The line the fake WhatsApp's leads write to, with nothing else stored, and the inbox step over it wired to the
 * fake WhatsApp: what a lead says is taken and the bot's replies sent before `say` resolves.
 */
const deskWithLine = async () => {
  const world = aWorld(T0);
  await world.given({ lines: [theFakeWhatsAppLine().build()] });
  const { whatsapp, take, dispatch } = chatOf(world);
  const botRepliesTo = (userId: string) => whatsapp.sent.filter((m) => m.to.userId === userId);
  return { world, whatsapp, take, dispatch, botRepliesTo };
};

describe("an inbound message (the inbox worker's step)", () => {
  it('stores a redelivered webhook once and answers it once', async () => {
    const { world, whatsapp, take } = await deskWithLine();
    const lucia = whatsapp.lead('+573005550001', 'Lucía');
    const envelope = await lucia.say('Hola');
    const answered = lucia.inbox().length;

    await whatsapp.deliverRaw(envelope);
    const again = await take(envelope);

    expect(again).toEqual({ ok: true, value: { kind: 'duplicate' } });
    expect(answered).toBeGreaterThan(0);
    expect(lucia.inbox()).toHaveLength(answered);
    const stored = await world.read((r) => r.messages.byWaMessageId(envelope.waMessageId));
    const conversation = await world.read((r) => r.conversations.byIdentity(line, envelope.from));
    const inbound = (await world.read((r) => r.messages.byConversation(conversation?.id ?? asId('none')))).filter(
      (m) => m.direction === 'inbound',
    );
    expect(stored).not.toBeNull();
    expect(inbound).toHaveLength(1);
    expect(world.events.published.filter((e) => e.type === 'message_received')).toHaveLength(1);
  });

  it('refuses a message for a line it does not serve and stores nothing', async () => {
    const { world, take } = await deskWithLine();
    const envelope = anEnvelope().toLine('999999999999999').fromPhone('+573005550002').sentAt(T0).build();

    const outcome = await take(envelope);

    expect(outcome).toEqual({ ok: false, error: { type: 'UnknownLine', phoneNumberId: '999999999999999' } });
    expect(await world.read((r) => r.messages.byWaMessageId(envelope.waMessageId))).toBeNull();
    expect(await world.read((r) => r.conversations.byIdentity(line, envelope.from))).toBeNull();
    expect(world.events.published).toEqual([]);
  });

  it('answers a user known only by their business-scoped user id, and keeps them when a phone appears', async () => {
    const { world, whatsapp, botRepliesTo } = await deskWithLine();
    const first = anEnvelope()
      .from({ phone: null, userId: 'CO.123' })
      .withProfileName('Usuario')
      .sentAt(T0)
      .saying('Hola')
      .build();

    await whatsapp.deliverRaw(first);
    const before = await world.read((r) => r.conversations.byIdentity(line, { phone: null, userId: 'CO.123' }));
    expect(botRepliesTo('CO.123').length).toBeGreaterThan(0);
    expect(botRepliesTo('CO.123').at(-1)?.to).toEqual({ phone: null, userId: 'CO.123' });

    const withPhone = { phone: phone('+573005550003'), userId: 'CO.123' };
    await whatsapp.deliverRaw(
      anEnvelope()
        .from(withPhone)
        .sentAt(T0 + MINUTE_MS)
        .saying('usuario@correo.com')
        .build(),
    );

    const after = await world.read((r) => r.conversations.byIdentity(line, { phone: null, userId: 'CO.123' }));
    expect(after?.id).toBe(before?.id);
    expect(after?.contact).toEqual({ phone: '+573005550003', userId: 'CO.123' });
    expect(after?.bot.step).toBe('awaitingConsent');
  });

  it('does not answer a reaction', async () => {
    const { whatsapp } = await deskWithLine();
    const lucia = whatsapp.lead('+573005550004', 'Lucía');
    await lucia.say('Hola');
    const before = lucia.inbox().length;

    await lucia.react('👍', lucia.inbox()[0]?.waMessageId ?? 'wamid.none');

    expect(lucia.inbox()).toHaveLength(before);
  });

  it('answers an image with the text-only notice and the current question again', async () => {
    const { whatsapp } = await deskWithLine();
    const lucia = whatsapp.lead('+573005550005', 'Lucía');
    await lucia.say('Hola');
    const before = lucia.inbox().length;

    await lucia.sendImage('mi casa soñada');

    const texts = lucia
      .inbox()
      .slice(before)
      .map((m) => (m.content.kind === 'text' ? m.content.body : ''));
    expect(texts).toEqual([
      expect.stringContaining('solo puedo leer mensajes de texto'),
      expect.stringContaining('correo electrónico'),
    ]);
  });

  it("records a registered lead's message for the advisor; the bot only acknowledges it", async () => {
    const { world, whatsapp, take, dispatch } = await deskWithLine();
    const { lead, conversation } = aLeadInConversation('lead-lucia', '+573005550006', 'Lucía Ramos', 'u-ana', T0);
    await world.given({ leads: [{ ...lead, lineId: line }], conversations: [{ ...conversation, lineId: line }] });
    const person = whatsapp.lead('+573005550006');
    const before = person.inbox().length;
    world.clock.advance(HOUR_MS);
    const envelope = anEnvelope().fromPhone(person.phone).sentAt(world.clock.now()).saying('¿Me llaman hoy?').build();

    const outcome = await take(envelope);
    await dispatch();

    expect(outcome).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    expect(person.inbox()).toHaveLength(before + 1);
    expect(person.lastText()).toMatch(/^Recibimos tu mensaje 🙌/);
    const stored = await world.read((r) => r.messages.byWaMessageId(envelope.waMessageId));
    expect(stored).toMatchObject({
      direction: 'inbound',
      leadId: lead.id,
      content: { kind: 'text', body: '¿Me llaman hoy?' },
    });
    expect(world.events.published.filter((e) => e.type === 'message_received').at(-1)).toEqual({
      type: 'message_received',
      conversationId: stored?.conversationId,
      leadId: lead.id,
      messageId: stored?.id,
    });
  });

  it('reopens the window from the latest message sent, even when an older one arrives later', async () => {
    const { world, whatsapp } = await deskWithLine();
    const base = anEnvelope().fromPhone('+573005550007');
    await whatsapp.deliverRaw(
      base
        .withWaMessageId('wamid.late.2')
        .sentAt(T0 + 10 * MINUTE_MS)
        .saying('Hola')
        .build(),
    );
    await whatsapp.deliverRaw(
      base
        .withWaMessageId('wamid.late.1')
        .sentAt(T0 + 5 * MINUTE_MS)
        .saying('¿Hay alguien?')
        .build(),
    );

    const conversation = await world.read((r) => r.conversations.byIdentity(line, base.build().from));

    expect(conversation?.lastInboundAt).toBe(T0 + 10 * MINUTE_MS);
  });
});
