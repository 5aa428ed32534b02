import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMedia } from '../../application/ports/media-store.ts';
import type { MessageGateway } from '../../application/ports/message-gateway.ts';
import type { WaIdentity } from '../../domain/lead/lead.ts';
import { buttonsMessage, listMessage, textMessage } from '../../domain/messaging/builders.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { asId, type MediaId, type WaMessageId } from '../../domain/shared/ids.ts';
import { phone } from '../builders/phone.ts';

export type ScriptedFailure = { readonly retryable: boolean; readonly code: string; readonly title: string };

/**
 * What reached the recipient, as the far side saw it (the fake phone's screen, the payload the Graph API got):
 * to whom (phone digits or business-scoped user id), the kind, the words (body, caption or template name), the
 * choices offered (reply ids) and the size of the attached file as WhatsApp holds it.
 */
export type Delivered = {
  readonly to: string;
  readonly kind: 'text' | 'buttons' | 'list' | 'image' | 'document' | 'audio' | 'video' | 'template';
  readonly text: string | null;
  readonly choices: readonly string[];
  readonly fileBytes: number | null;
};

/** A MessageGateway under test, with what the suite needs around it. */
export type GatewaySubject = {
  readonly gateway: MessageGateway;
  readonly line: BusinessLine;
  /** What reached the far side under this message id; `null` when nothing did. */
  delivered(waMessageId: WaMessageId): Promise<Delivered | null>;
  /** How many messages reached the far side so far. */
  deliveredCount(): Promise<number>;
  /** Keeps a file the gateway may then send by its id. */
  storeMedia(media: StoredMedia): Promise<MediaId>;
  /** WhatsApp refuses the next message with this Meta error code, however many times the gateway tries. */
  failNextSend(failure: ScriptedFailure): void;
  close(): Promise<void>;
};

export type OpenGateway = () => Promise<GatewaySubject>;

const FILE_BYTES = 3;

/** What the recipient must get for `content` sent to `to`. */
const expectedDelivery = (content: OutboundContent, to: WaIdentity): Delivered => {
  const recipient = to.phone === null ? (to.userId ?? '') : to.phone.replace(/^\+/, '');
  const none = { to: recipient, choices: [], fileBytes: null };
  switch (content.kind) {
    case 'text':
      return { ...none, kind: 'text', text: content.body };
    case 'buttons':
      return { ...none, kind: 'buttons', text: content.body, choices: content.buttons.map((b) => b.id) };
    case 'list':
      return {
        ...none,
        kind: 'list',
        text: content.body,
        choices: content.sections.flatMap((s) => s.rows.map((r) => r.id)),
      };
    case 'media':
      return {
        ...none,
        kind: content.mediaKind,
        text: content.mediaKind === 'audio' ? null : (content.caption ?? null),
        fileBytes: FILE_BYTES,
      };
    case 'template':
      return { ...none, kind: 'template', text: content.name };
  }
};

const ana: WaIdentity = { phone: phone('+573001234567'), userId: null };
const throughput: ScriptedFailure = { retryable: true, code: '130429', title: 'Rate limit hit' };
const windowClosed: ScriptedFailure = { retryable: false, code: '131047', title: 'Re-engagement message' };

const everyKind = async (s: GatewaySubject): Promise<OutboundContent[]> => {
  const file = (mimeType: string, filename: string | null = null) =>
    s.storeMedia({ bytes: new Uint8Array(FILE_BYTES).fill(7), mimeType, filename });
  return [
    textMessage('Hola 👋 ¿buscas vivienda?'),
    { kind: 'text', body: 'Mira https://example.com/torre-norte', previewUrl: true },
    buttonsMessage(
      '¿Aceptas la política de datos?',
      [
        { id: 'yes', title: 'Sí' },
        { id: 'no', title: 'No' },
      ],
      'Inmobiliaria X',
    ),
    listMessage('Elige un proyecto', 'Ver opciones', [
      { id: 'p1', title: 'Torre Norte', description: 'Desde $350M' },
      { id: 'p2', title: 'Parque Sur' },
    ]),
    {
      kind: 'media',
      mediaKind: 'image',
      mediaId: await file('image/jpeg', 'fachada.jpg'),
      mimeType: 'image/jpeg',
      caption: 'Fachada',
    },
    {
      kind: 'media',
      mediaKind: 'document',
      mediaId: await file('application/pdf', 'cotizacion.pdf'),
      mimeType: 'application/pdf',
      filename: 'cotizacion.pdf',
    },
    {
      kind: 'media',
      mediaKind: 'audio',
      mediaId: await file('audio/ogg; codecs=opus'),
      mimeType: 'audio/ogg; codecs=opus',
      voice: true,
    },
    {
      kind: 'media',
      mediaKind: 'video',
      mediaId: await file('video/mp4'),
      mimeType: 'video/mp4',
      caption: 'Recorrido',
    },
    {
      kind: 'template',
      name: 'lead_followup',
      language: 'es_CO',
      parameters: ['Ana'],
      renderedText: 'Hola Ana, ¿seguimos?',
    },
  ];
};

export const messageGatewayContract = (name: string, open: OpenGateway) =>
  describe(`${name}: MessageGateway`, () => {
    let subject: GatewaySubject | null = null;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject?.close();
      subject = null;
    });
    const s = (): GatewaySubject => {
      if (subject === null) throw new Error('gateway subject used outside a test');
      return subject;
    };
    const send = (content: OutboundContent, to: WaIdentity = ana) => s().gateway.send({ line: s().line, to, content });

    it('sends every kind of content and gets a message id for each', async () => {
      for (const content of await everyKind(s())) {
        const result = await send(content);
        expect(result, content.kind).toEqual({ ok: true, value: { waMessageId: expect.any(String) } });
        expect(result.ok && result.value.waMessageId.length > 0).toBe(true);
      }
    });

    it('delivers what was sent: each message reaches its recipient with its words, choices and file', async () => {
      const beto: WaIdentity = { phone: null, userId: 'CO.1234567890' };
      for (const to of [ana, beto])
        for (const content of await everyKind(s())) {
          const result = await send(content, to);
          if (!result.ok) throw new Error(`${content.kind} refused: ${result.error.code}`);
          expect(await s().delivered(result.value.waMessageId), content.kind).toEqual(expectedDelivery(content, to));
        }
    });

    it('delivers nothing of a refused message', async () => {
      s().failNextSend(windowClosed);
      const refused = await send(textMessage('Hola'));
      expect(refused.ok).toBe(false);
      const next = await send(textMessage('Hola otra vez'));
      if (!next.ok) throw new Error('the next message was refused');
      expect(await s().delivered(next.value.waMessageId)).toMatchObject({ text: 'Hola otra vez' });
      expect(await s().deliveredCount()).toBe(1);
    });

    it('hands out a different id for every message', async () => {
      const beto: WaIdentity = { phone: phone('+573009998877'), userId: null };
      const ids: WaMessageId[] = [];
      for (let i = 0; i < 6; i++) {
        const result = await send(textMessage(`Mensaje ${i}`), i % 2 === 0 ? ana : beto);
        if (result.ok) ids.push(result.value.waMessageId);
      }
      expect(new Set(ids).size).toBe(6);
    });

    it('reaches a user known only by the business-scoped user id', async () => {
      expect(await send(textMessage('Hola'), { phone: null, userId: 'CO.1234567890' })).toMatchObject({ ok: true });
    });

    it('returns a retryable refusal as a classified value, and the next message goes through', async () => {
      s().failNextSend(throughput);
      expect(await send(textMessage('Hola'))).toEqual({
        ok: false,
        error: expect.objectContaining({
          type: 'SendFailed',
          retryable: true,
          code: '130429',
          title: expect.any(String),
        }),
      });
      expect(await send(textMessage('Hola otra vez'))).toMatchObject({ ok: true });
    });

    it('returns a permanent refusal as a classified value, never a throw', async () => {
      s().failNextSend(windowClosed);
      expect(await send(textMessage('Hola'))).toEqual({
        ok: false,
        error: expect.objectContaining({
          type: 'SendFailed',
          retryable: false,
          code: '131047',
          title: expect.any(String),
        }),
      });
    });

    it('marks a message read without throwing', async () => {
      await expect(s().gateway.markRead(s().line, asId<WaMessageId>('wamid.in.1'))).resolves.toBeUndefined();
    });

    it('shows the typing indicator without throwing', async () => {
      await expect(s().gateway.showTyping(s().line, asId<WaMessageId>('wamid.in.1'))).resolves.toBeUndefined();
    });
  });
