import { beforeEach, describe, expect, it } from 'vitest';
import type { InboundEnvelope, StatusEnvelope } from '../../application/ports/inbound.ts';
import type { SendFailure } from '../../application/ports/message-gateway.ts';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { FakeWhatsApp } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { buttonsMessage, listMessage, textMessage } from '../../domain/messaging/builders.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import { aLine } from '../builders/line-builder.ts';
import { phone } from '../builders/phone.ts';

const line = aLine().withPhoneNumberId('pnid-bogota').build();
const ana = phone('+573001234567');
const rateLimited: SendFailure = { type: 'SendFailed', retryable: true, code: '131056', title: 'Pair rate limit hit' };
const windowClosed: SendFailure = {
  type: 'SendFailed',
  retryable: false,
  code: '131047',
  title: 'Re-engagement message',
};

describe('FakeWhatsApp', () => {
  let clock: FixedClock;
  let delivered: InboundEnvelope[];
  let statuses: StatusEnvelope[];
  let whatsapp: FakeWhatsApp;
  const sendToAna = (content: OutboundContent) => whatsapp.send({ line, to: { phone: ana, userId: null }, content });

  beforeEach(() => {
    clock = new FixedClock(1_000);
    delivered = [];
    statuses = [];
    whatsapp = new FakeWhatsApp({
      clock,
      phoneNumberId: 'pnid-bogota',
      deliver: async (e) => void delivered.push(e),
      onStatus: async (s) => void statuses.push(s),
    });
  });

  it('records every message sent, with a fresh Meta id and the time', async () => {
    const first = await sendToAna(textMessage('Hola'));
    clock.advance(5);
    const second = await whatsapp.send({
      line,
      to: { phone: phone('+573009998877'), userId: null },
      content: textMessage('Otro'),
    });

    expect(first).toEqual({ ok: true, value: { waMessageId: 'wamid.fake.1' } });
    expect(second).toEqual({ ok: true, value: { waMessageId: 'wamid.fake.2' } });
    expect(whatsapp.sent).toEqual([
      {
        waMessageId: 'wamid.fake.1',
        phoneNumberId: 'pnid-bogota',
        to: { phone: ana, userId: null },
        content: textMessage('Hola'),
        at: 1_000,
      },
      {
        waMessageId: 'wamid.fake.2',
        phoneNumberId: 'pnid-bogota',
        to: { phone: '+573009998877', userId: null },
        content: textMessage('Otro'),
        at: 1_005,
      },
    ]);
    expect(whatsapp.sentTo('573001234567').map((m) => m.content)).toEqual([textMessage('Hola')]);
  });

  it('fails the next sends on cue, then sends again', async () => {
    whatsapp.failNextSends(2, rateLimited);
    expect(await sendToAna(textMessage('1'))).toEqual({ ok: false, error: rateLimited });
    expect(await sendToAna(textMessage('2'))).toEqual({ ok: false, error: rateLimited });
    expect((await sendToAna(textMessage('3'))).ok).toBe(true);
    expect(whatsapp.sent.map((m) => m.content)).toEqual([textMessage('3')]);
  });

  it('fails the sends a predicate picks until the failures are cleared', async () => {
    whatsapp.failSendsWhen((r) => r.content.kind !== 'template', windowClosed);
    expect(await sendToAna(textMessage('libre'))).toEqual({ ok: false, error: windowClosed });
    const template: OutboundContent = {
      kind: 'template',
      name: 'hola',
      language: 'es',
      parameters: [],
      renderedText: 'Hola',
    };
    expect((await sendToAna(template)).ok).toBe(true);

    whatsapp.clearFailures();
    expect((await sendToAna(textMessage('libre'))).ok).toBe(true);
  });

  it('delivers what a lead writes, each with a fresh id, sent now, from the E.164 phone', async () => {
    const lead = whatsapp.lead('+57 300 123 4567', 'Ana');
    await lead.say('Hola');
    clock.advance(60_000);
    await lead.sendLocation(4.65, -74.05);

    expect(delivered).toEqual([
      {
        phoneNumberId: 'pnid-bogota',
        waMessageId: 'wamid.in.1',
        from: { phone: ana, userId: null },
        profileName: 'Ana',
        sentAt: 1_000,
        content: { kind: 'text', body: 'Hola' },
      },
      {
        phoneNumberId: 'pnid-bogota',
        waMessageId: 'wamid.in.2',
        from: { phone: ana, userId: null },
        profileName: 'Ana',
        sentAt: 61_000,
        content: { kind: 'location', latitude: 4.65, longitude: -74.05 },
      },
    ]);
  });

  it('delivers media, voice notes, documents and unsupported types as WhatsApp reports them', async () => {
    const lead = whatsapp.lead('+573001234567');
    await lead.sendImage('Mi casa');
    await lead.sendVoiceNote();
    await lead.sendDocument('cedula.pdf');
    await lead.sendUnsupported('sticker_pack');

    expect(delivered.map((e) => e.content)).toEqual([
      { kind: 'media', mediaKind: 'image', waMediaId: expect.any(String), mimeType: 'image/jpeg', caption: 'Mi casa' },
      {
        kind: 'media',
        mediaKind: 'audio',
        waMediaId: expect.any(String),
        mimeType: 'audio/ogg; codecs=opus',
        voice: true,
      },
      {
        kind: 'media',
        mediaKind: 'document',
        waMediaId: expect.any(String),
        mimeType: 'application/pdf',
        filename: 'cedula.pdf',
      },
      { kind: 'unsupported', type: 'sticker_pack' },
    ]);
    expect(
      new Set(
        delivered
          .slice(0, 3)
          .map((e) => (e.content.kind === 'media' ? e.content.waMediaId : ''))
          .values(),
      ).size,
    ).toBe(3);
    expect(delivered.every((e) => e.profileName === null)).toBe(true);
  });

  it('taps a button by title (any case) or id on the latest message offering it', async () => {
    await sendToAna(
      buttonsMessage('¿Aceptas?', [
        { id: 'consent.yes', title: 'Acepto' },
        { id: 'consent.no', title: 'No acepto' },
      ]),
    );
    await sendToAna(
      listMessage('¿Ciudad?', 'Ver opciones', [
        { id: 'city.1', title: 'Bogotá' },
        { id: 'city.2', title: 'Cali' },
      ]),
    );
    const lead = whatsapp.lead('+573001234567');

    await lead.tap('acepto');
    await lead.tap('city.2');
    expect(delivered.map((e) => e.content)).toEqual([
      { kind: 'choice', id: 'consent.yes', title: 'Acepto' },
      { kind: 'choice', id: 'city.2', title: 'Cali' },
    ]);
  });

  it('prefers the most recent message when several offer the same option', async () => {
    await sendToAna(buttonsMessage('Primero', [{ id: 'old.more', title: 'Ver más' }]));
    await sendToAna(buttonsMessage('Después', [{ id: 'new.more', title: 'Ver más' }]));
    await whatsapp.lead('+573001234567').tap('Ver más');
    expect(delivered[0]?.content).toEqual({ kind: 'choice', id: 'new.more', title: 'Ver más' });
  });

  it('throws, naming the options offered, when nothing offers what the test taps', async () => {
    const lead = whatsapp.lead('+573001234567');
    await expect(lead.tap('Acepto')).rejects.toThrow(/no buttons or list/);
    await sendToAna(buttonsMessage('¿Aceptas?', [{ id: 'consent.yes', title: 'Acepto' }]));
    await expect(lead.tap('Quizás')).rejects.toThrow(/"Acepto" \(consent\.yes\)/);
    expect(delivered).toEqual([]);
  });

  it('shows a lead its inbox, last message and last text', async () => {
    const lead = whatsapp.lead('+573001234567');
    expect(lead.lastMessage()).toBeNull();
    expect(lead.lastText()).toBeNull();
    await sendToAna(textMessage('Hola'));
    await sendToAna(buttonsMessage('¿Aceptas?', [{ id: 'y', title: 'Sí' }]));
    await sendToAna({ kind: 'media', mediaKind: 'document', mediaId: asId('media-1'), mimeType: 'application/pdf' });

    expect(lead.inbox().map((m) => m.content.kind)).toEqual(['text', 'buttons', 'media']);
    expect(lead.lastMessage()?.content.kind).toBe('media');
    expect(lead.lastText()).toBe('¿Aceptas?');
  });

  it('injects raw envelopes as they are, redeliveries included', async () => {
    const envelope = await whatsapp.lead('+573001234567').say('Hola');
    await whatsapp.deliverRaw(envelope);
    const usernameOnly = {
      ...envelope,
      waMessageId: asId<WaMessageId>('wamid.raw'),
      from: { phone: null, userId: 'CO.42' },
    };
    await whatsapp.deliverRaw(usernameOnly);
    expect(delivered).toEqual([envelope, envelope, usernameOnly]);
  });

  it("plays Meta's receipts", async () => {
    clock.set(9_000);
    await whatsapp.reportStatus(asId<WaMessageId>('wamid.fake.1'), 'read');
    await whatsapp.reportStatus(asId<WaMessageId>('wamid.fake.2'), 'failed', {
      code: '131026',
      title: 'Undeliverable',
    });
    expect(statuses).toEqual([
      { waMessageId: 'wamid.fake.1', status: 'read', at: 9_000, failure: null },
      { waMessageId: 'wamid.fake.2', status: 'failed', at: 9_000, failure: { code: '131026', title: 'Undeliverable' } },
    ]);
  });

  it('forgets sends and failures on reset, never reusing an id', async () => {
    await sendToAna(textMessage('antes'));
    whatsapp.failNextSends(1, rateLimited);
    whatsapp.reset();
    expect(whatsapp.sent).toEqual([]);
    expect(await sendToAna(textMessage('después'))).toEqual({ ok: true, value: { waMessageId: 'wamid.fake.2' } });
  });
});
