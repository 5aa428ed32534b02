import { describe, expect, it } from 'vitest';
import { parseWebhook, type ParsedWebhook } from '../../../adapters/whatsapp/meta-cloud/webhook-payload.ts';
import type { InboundEnvelope } from '../../../application/ports/inbound.ts';
import type { InboundContent } from '../../../domain/messaging/message.ts';
import {
  contact,
  entry,
  failedStatus,
  inbound,
  type Json,
  messagesChange,
  nextWamid,
  otherChange,
  PHONE_NUMBER_ID,
  PROFILE_NAME,
  SENT_AT_SECONDS,
  status,
  templateStatusChange,
  usernameContact,
  WA_ID,
  webhook,
  webhookOf,
} from '../../builders/meta-webhook-payloads.ts';

const RECEIVED_AT = 1_750_000_000_000;

const parsed = (body: unknown): ParsedWebhook => {
  const result = parseWebhook(body, RECEIVED_AT);
  if (!result.ok) throw new Error(`expected a valid webhook, got: ${result.error}`);
  return result.value;
};

const envelopes = (body: unknown): InboundEnvelope[] =>
  parsed(body).entries.flatMap((e) => (e.kind === 'message' ? [e.envelope] : []));

const contentOf = (message: Json): InboundContent | undefined =>
  envelopes(webhookOf(messagesChange({ messages: [message] })))[0]?.content;

describe('parseWebhook: inbound message types', () => {
  it.each<[string, Json, InboundContent]>([
    ['text', inbound.text('Hola 👋'), { kind: 'text', body: 'Hola 👋' }],
    [
      'interactive button_reply',
      inbound.buttonReply('city_mde', 'Medellín'),
      { kind: 'choice', id: 'city_mde', title: 'Medellín' },
    ],
    [
      'interactive list_reply',
      inbound.listReply('price_2', '250–400 M'),
      { kind: 'choice', id: 'price_2', title: '250–400 M' },
    ],
    [
      'template quick-reply button',
      inbound.templateButton('visit_yes', 'Agendar visita'),
      { kind: 'choice', id: 'visit_yes', title: 'Agendar visita' },
    ],
    [
      'image',
      inbound.image('img1', 'Fachada'),
      { kind: 'media', mediaKind: 'image', waMediaId: 'img1', mimeType: 'image/jpeg', caption: 'Fachada' },
    ],
    [
      'voice note',
      inbound.audio('aud1', true),
      { kind: 'media', mediaKind: 'audio', waMediaId: 'aud1', mimeType: 'audio/ogg; codecs=opus', voice: true },
    ],
    [
      'audio file',
      inbound.audio('aud2', false),
      { kind: 'media', mediaKind: 'audio', waMediaId: 'aud2', mimeType: 'audio/ogg; codecs=opus', voice: false },
    ],
    [
      'document',
      inbound.document('doc1', 'cedula.pdf', 'Mi cédula'),
      {
        kind: 'media',
        mediaKind: 'document',
        waMediaId: 'doc1',
        mimeType: 'application/pdf',
        filename: 'cedula.pdf',
        caption: 'Mi cédula',
      },
    ],
    ['video', inbound.video('vid1'), { kind: 'media', mediaKind: 'video', waMediaId: 'vid1', mimeType: 'video/mp4' }],
    [
      'sticker',
      inbound.sticker('stk1'),
      { kind: 'media', mediaKind: 'sticker', waMediaId: 'stk1', mimeType: 'image/webp' },
    ],
    [
      'location',
      inbound.location(6.2442, -75.5812),
      {
        kind: 'location',
        latitude: 6.2442,
        longitude: -75.5812,
        name: 'Parque Lleras',
        address: 'Cra. 37 #8A, Medellín',
      },
    ],
    ['reaction', inbound.reaction('wamid.ours', '❤️'), { kind: 'reaction', emoji: '❤️', toWaMessageId: 'wamid.ours' }],
    ['removed reaction', inbound.reaction('wamid.ours'), { kind: 'reaction', emoji: '', toWaMessageId: 'wamid.ours' }],
    ['shared contact card', inbound.contacts(), { kind: 'unsupported', type: 'contacts' }],
    ['unsupported (poll)', inbound.unsupported('poll_creation'), { kind: 'unsupported', type: 'poll_creation' }],
    ['legacy unknown', inbound.unknown(), { kind: 'unsupported', type: 'unknown' }],
    ['system', inbound.system(), { kind: 'unsupported', type: 'system' }],
    ['order', inbound.order(), { kind: 'unsupported', type: 'order' }],
    ['request_welcome', inbound.requestWelcome(), { kind: 'unsupported', type: 'request_welcome' }],
    ['flow reply', inbound.flowReply(), { kind: 'unsupported', type: 'interactive.nfm_reply' }],
    [
      'a type Meta adds later',
      inbound.text('x', { type: 'hologram', hologram: {} }),
      { kind: 'unsupported', type: 'hologram' },
    ],
  ])('reads %s', (_name, message, expected) => {
    expect(contentOf(message)).toEqual(expected);
  });

  it('keeps a media MIME type only when it is one, in canonical form: never a CR/LF', () => {
    const withMime = (mime_type: string) =>
      inbound.image('img9', undefined, { image: { id: 'img9', mime_type, sha256: 'x' } });
    expect(contentOf(withMime('IMAGE/JPEG'))).toMatchObject({ mimeType: 'image/jpeg' });
    expect(contentOf(withMime('audio/ogg;codecs=opus'))).toMatchObject({ mimeType: 'audio/ogg; codecs=opus' });
    expect(contentOf(withMime('image/jpeg\r\nX-Injected: 1'))).toMatchObject({
      kind: 'media',
      mimeType: 'application/octet-stream',
    });
  });

  it('fills the envelope: line, wamid, E.164 sender, profile name, timestamp in ms', () => {
    const message = inbound.text('Hola');
    expect(envelopes(webhookOf(messagesChange({ messages: [message] })))).toEqual([
      {
        phoneNumberId: PHONE_NUMBER_ID,
        waMessageId: message['id'],
        from: { phone: `+${WA_ID}`, userId: null },
        profileName: PROFILE_NAME,
        sentAt: SENT_AT_SECONDS * 1000,
        content: { kind: 'text', body: 'Hola' },
      },
    ]);
  });

  it('takes each sender’s name from the matching contact', () => {
    const body = webhookOf(
      messagesChange({
        contacts: [contact('573001112233', 'Ana'), contact('573004445566', 'Luis')],
        messages: ['573004445566', '573001112233', '573009990000'].map((from) => inbound.text('Hola', { from })),
      }),
    );
    expect(envelopes(body).map((e) => e.profileName)).toEqual(['Luis', 'Ana', null]);
  });

  it('accepts a username-only sender (no `from`, only the business-scoped id)', () => {
    const userId = 'US.13491208655302741918';
    const body = webhookOf(
      messagesChange({
        contacts: [usernameContact(userId, '@sheena')],
        messages: [inbound.text('Hola', { from: undefined, from_user_id: userId })],
      }),
    );
    expect(envelopes(body)).toMatchObject([{ from: { phone: null, userId }, profileName: PROFILE_NAME }]);
  });

  it('keeps both the phone and the business-scoped id when Meta sends both', () => {
    const contacts = [{ ...contact(), user_id: 'US.1' }];
    const body = webhookOf(messagesChange({ contacts, messages: [inbound.text('Hola')] }));
    expect(envelopes(body)[0]?.from).toEqual({ phone: `+${WA_ID}`, userId: 'US.1' });
  });
});

describe('parseWebhook: batches, statuses, other fields', () => {
  it('returns every message and status of every entry and change, in payload order', () => {
    const [m1, m2, m3, m4, m5] = [
      inbound.text('1'),
      inbound.image(),
      inbound.buttonReply('a', 'A'),
      inbound.text('4'),
      inbound.audio(),
    ];
    const [s1, s2, s3, s4, s5] = Array.from({ length: 5 }, nextWamid);
    const body = webhook(
      entry(
        messagesChange({ messages: [m1, m2, m3] }),
        messagesChange({ statuses: [status(s1!, 'sent'), failedStatus(s2!)] }),
      ),
      entry(
        messagesChange({ phoneNumberId: '2222', messages: [m4, m5] }),
        messagesChange({
          phoneNumberId: '2222',
          statuses: [status(s3!, 'delivered'), status(s4!, 'read'), status(s5!, 'played')],
        }),
      ),
    );
    const result = parsed(body);
    const idOf = (m: Json | undefined) => m?.['id'];
    const expected = [idOf(m1), idOf(m2), idOf(m3), s1, s2, idOf(m4), idOf(m5), s3, s4, s5];
    expect(result.entries.map((e) => e.envelope.waMessageId)).toEqual(expected);
    expect(envelopes(body).map((e) => e.phoneNumberId)).toEqual([
      PHONE_NUMBER_ID,
      PHONE_NUMBER_ID,
      PHONE_NUMBER_ID,
      '2222',
      '2222',
    ]);
    expect(result.skipped).toBe(0);
  });

  it('maps statuses, keeping the failure code and title of a failed one', () => {
    const [sent, failed, bare] = [nextWamid(), nextWamid(), nextWamid()];
    const statuses = [
      status(sent, 'read'),
      failedStatus(failed, 131047, 'Re-engagement message'),
      status(bare, 'failed'),
    ];
    const at = (SENT_AT_SECONDS + 5) * 1000;
    expect(parsed(webhookOf(messagesChange({ statuses }))).entries.map((e) => e.envelope)).toEqual([
      { waMessageId: sent, status: 'read', at, failure: null },
      { waMessageId: failed, status: 'failed', at, failure: { code: '131047', title: 'Re-engagement message' } },
      { waMessageId: bare, status: 'failed', at, failure: { code: 'unknown', title: expect.any(String) } },
    ]);
  });

  it('reads template status updates and lists fields it does not handle', () => {
    const body = webhook(
      entry(templateStatusChange('visita_confirmada', 'REJECTED', 'INCORRECT_CATEGORY', 'es_CO'), otherChange()),
      entry(templateStatusChange('bienvenida', 'APPROVED', null)),
    );
    expect(parsed(body)).toEqual({
      entries: [],
      templateUpdates: [
        { name: 'visita_confirmada', language: 'es_CO', event: 'REJECTED', reason: 'INCORRECT_CATEGORY' },
        { name: 'bienvenida', language: 'es', event: 'APPROVED', reason: null },
      ],
      ignoredFields: ['phone_number_quality_update'],
      skipped: 0,
    });
  });
});
