import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThroughputLimiter } from '../../../adapters/whatsapp/meta-cloud/throughput-limiter.ts';
import { buttonsMessage, listMessage, textMessage } from '../../../domain/messaging/builders.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import { asId, type MediaId, type WaMessageId } from '../../../domain/shared/ids.ts';
import type { WaIdentity } from '../../../domain/lead/lead.ts';
import { aLine } from '../../builders/line-builder.ts';
import { phone } from '../../builders/phone.ts';
import { openMetaCloud, TOKEN, VERSION, type MetaCloudHarness } from './meta-cloud-harness.ts';

const line = aLine().withPhoneNumberId('pnid-bogota').build();
const ana: WaIdentity = { phone: phone('+573001234567'), userId: null };
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '573001234567' };

describe('MetaCloudGateway: what reaches the Graph API', () => {
  let h: MetaCloudHarness;
  beforeEach(async () => (h = await openMetaCloud()));
  afterEach(() => h.close());

  const send = (content: OutboundContent, to: WaIdentity = ana) => h.gateway.send({ line, to, content });
  const lastBody = () => h.stub.sentMessages.at(-1)?.body;
  const store = (mimeType: string, filename: string | null = null) =>
    h.media.put({ bytes: new Uint8Array([1, 2, 3]), mimeType, filename, owner: null });

  it('posts text to /{version}/{phone-number-id}/messages with the bearer token and gets the wamid back', async () => {
    expect(await send(textMessage('Hola 👋 ¿cómo estás?'))).toEqual({
      ok: true,
      value: { waMessageId: 'wamid.stub.1' },
    });
    const [request] = h.stub.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/${VERSION}/pnid-bogota/messages`,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(lastBody()).toEqual({
      ...envelope,
      type: 'text',
      text: { body: 'Hola 👋 ¿cómo estás?', preview_url: false },
    });
  });

  it('asks for a link preview when the text wants one', async () => {
    await send({ kind: 'text', body: 'Mira https://example.com', previewUrl: true });
    expect(lastBody()).toMatchObject({ text: { body: 'Mira https://example.com', preview_url: true } });
  });

  it('addresses a user known only by the business-scoped user id with `recipient`', async () => {
    await send(textMessage('Hola'), { phone: null, userId: 'CO.1234567890' });
    const { to, ...body } = { to: undefined, ...lastBody() };
    expect(to).toBeUndefined();
    expect(body).toMatchObject({ recipient: 'CO.1234567890', type: 'text' });
  });

  it('sends reply buttons with their ids, titles and footer', async () => {
    await send(
      buttonsMessage(
        '¿Aceptas la política de datos?',
        [
          { id: 'consent_yes', title: 'Sí, acepto' },
          { id: 'consent_no', title: 'No' },
        ],
        'Inmobiliaria X',
      ),
    );
    expect(lastBody()).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿Aceptas la política de datos?' },
        footer: { text: 'Inmobiliaria X' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'consent_yes', title: 'Sí, acepto' } },
            { type: 'reply', reply: { id: 'consent_no', title: 'No' } },
          ],
        },
      },
    });
  });

  it('sends a list with its button label, sections and row descriptions', async () => {
    await send({
      kind: 'list',
      body: 'Elige un proyecto',
      buttonLabel: 'Ver opciones',
      footer: 'Inmobiliaria X',
      sections: [
        { title: 'Bogotá', rows: [{ id: 'proj_1', title: 'Torre Norte', description: 'Desde $350M' }] },
        { title: 'Cali', rows: [{ id: 'proj_2', title: 'Parque Sur' }] },
      ],
    });
    expect(lastBody()).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Elige un proyecto' },
        footer: { text: 'Inmobiliaria X' },
        action: {
          button: 'Ver opciones',
          sections: [
            { title: 'Bogotá', rows: [{ id: 'proj_1', title: 'Torre Norte', description: 'Desde $350M' }] },
            { title: 'Cali', rows: [{ id: 'proj_2', title: 'Parque Sur' }] },
          ],
        },
      },
    });
    await send(listMessage('Otra', 'Ver', [{ id: 'a', title: 'A' }]));
    expect(lastBody()).toMatchObject({ interactive: { action: { sections: [{ rows: [{ id: 'a', title: 'A' }] }] } } });
  });

  it('uploads an image (multipart) to the line, then sends it by media id with its caption', async () => {
    const mediaId = await store('image/jpeg', 'fachada.jpg');
    await send({ kind: 'media', mediaKind: 'image', mediaId, mimeType: 'image/jpeg', caption: 'Fachada' });
    const upload = h.stub.requestsTo(`/${VERSION}/pnid-bogota/media`)[0];
    expect(upload?.form).toEqual({
      messaging_product: 'whatsapp',
      type: 'image/jpeg',
      file: '<file fachada.jpg image/jpeg>',
    });
    expect(h.stub.media[0]).toMatchObject({
      phoneNumberId: 'pnid-bogota',
      mimeType: 'image/jpeg',
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect(lastBody()).toEqual({ ...envelope, type: 'image', image: { id: h.stub.media[0]?.id, caption: 'Fachada' } });
  });

  it('sends a document with its file name and caption, and a video with its caption', async () => {
    const pdf = await store('application/pdf', 'cotizacion.pdf');
    await send({
      kind: 'media',
      mediaKind: 'document',
      mediaId: pdf,
      mimeType: 'application/pdf',
      filename: 'cotizacion.pdf',
      caption: 'Tu cotización',
    });
    expect(lastBody()).toMatchObject({
      type: 'document',
      document: { caption: 'Tu cotización', filename: 'cotizacion.pdf' },
    });
    const mp4 = await store('video/mp4');
    await send({ kind: 'media', mediaKind: 'video', mediaId: mp4, mimeType: 'video/mp4', caption: 'Recorrido' });
    expect(lastBody()).toMatchObject({ type: 'video', video: { caption: 'Recorrido' } });
  });

  it('uploads a voice note as audio/ogg (never audio/opus) and sends it as voice, without a caption', async () => {
    const note = await store('audio/ogg; codecs=opus', 'nota.ogg');
    await send({ kind: 'media', mediaKind: 'audio', mediaId: note, mimeType: 'audio/ogg; codecs=opus', voice: true });
    expect(h.stub.requestsTo(`/${VERSION}/pnid-bogota/media`)[0]?.form?.['type']).toBe('audio/ogg');
    expect(h.stub.media[0]?.mimeType).toBe('audio/ogg');
    expect(lastBody()).toEqual({ ...envelope, type: 'audio', audio: { id: h.stub.media[0]?.id, voice: true } });
  });

  it('drops a caption from plain audio, and sends Opus labelled audio/opus as audio/ogg', async () => {
    const clip = await store('audio/opus');
    expect(
      (await send({ kind: 'media', mediaKind: 'audio', mediaId: clip, mimeType: 'audio/opus', caption: 'ignored' })).ok,
    ).toBe(true);
    expect(h.stub.media[0]?.mimeType).toBe('audio/ogg');
    expect(lastBody()).toEqual({ ...envelope, type: 'audio', audio: { id: h.stub.media[0]?.id } });
  });

  it("uploads a file once per line and reuses Meta's id", async () => {
    const mediaId = await store('image/png');
    const image = { kind: 'media', mediaKind: 'image', mediaId, mimeType: 'image/png' } as const;
    await send(image);
    await send(image);
    expect(h.stub.media).toHaveLength(1);
    expect(h.stub.sentMessages).toHaveLength(2);
  });

  it('fails for good when the file to send is gone, without calling Meta', async () => {
    const result = await send({
      kind: 'media',
      mediaKind: 'image',
      mediaId: asId<MediaId>('media_gone'),
      mimeType: 'image/png',
    });
    expect(result).toEqual({
      ok: false,
      error: { type: 'SendFailed', retryable: false, code: 'media_missing', title: expect.any(String) },
    });
    expect(h.stub.requests).toHaveLength(0);
  });

  it('sends a template with its language and the parameters as body components', async () => {
    await send({
      kind: 'template',
      name: 'lead_followup',
      language: 'es_CO',
      parameters: ['Ana', 'Torre Norte'],
      renderedText: 'Hola Ana, …',
    });
    expect(lastBody()).toEqual({
      ...envelope,
      type: 'template',
      template: {
        name: 'lead_followup',
        language: { code: 'es_CO' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'Torre Norte' },
            ],
          },
        ],
      },
    });
    await send({ kind: 'template', name: 'hello', language: 'es', parameters: [], renderedText: 'Hola' });
    expect(lastBody()).toEqual({
      ...envelope,
      type: 'template',
      template: { name: 'hello', language: { code: 'es' } },
    });
  });

  it('fills header, body and button variables of a template; a header file is uploaded first', async () => {
    const brochure = await store('application/pdf', 'brochure.pdf');
    await send({
      kind: 'template',
      name: 'lanzamiento',
      language: 'es_CO',
      parameters: ['Ana'],
      header: {
        kind: 'media',
        mediaKind: 'document',
        mediaId: brochure,
        mimeType: 'application/pdf',
        filename: 'brochure.pdf',
      },
      buttons: [
        { index: 0, subType: 'url', parameter: 'torres-salitre' },
        { index: 1, subType: 'quick_reply', parameter: 'agendar-visita' },
      ],
      renderedText: 'Hola Ana, conoce Torres de Salitre',
    });
    const uploaded = h.stub.media.at(-1);
    expect(uploaded).toMatchObject({ mimeType: 'application/pdf' });
    expect(lastBody()).toMatchObject({
      type: 'template',
      template: {
        components: [
          {
            type: 'header',
            parameters: [{ type: 'document', document: { id: uploaded?.id, filename: 'brochure.pdf' } }],
          },
          { type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'torres-salitre' }] },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '1',
            parameters: [{ type: 'payload', payload: 'agendar-visita' }],
          },
        ],
      },
    });

    await send({
      kind: 'template',
      name: 'cita',
      language: 'es_CO',
      parameters: [],
      header: { kind: 'text', text: 'Martes 10 a. m.' },
      renderedText: 'Tu cita',
    });
    expect(lastBody()).toMatchObject({
      template: { components: [{ type: 'header', parameters: [{ type: 'text', text: 'Martes 10 a. m.' }] }] },
    });
  });

  it('marks a message read with status "read" and its id', async () => {
    await h.gateway.markRead(line, asId<WaMessageId>('wamid.in.42'));
    expect(h.stub.requests[0]?.json).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.in.42',
    });
    expect(h.stub.readMarks).toEqual(['wamid.in.42']);
  });

  it('shows the typing indicator with mark-as-read: status "read", the id and typing_indicator text', async () => {
    await h.gateway.showTyping(line, asId<WaMessageId>('wamid.in.43'));
    expect(h.stub.requests[0]?.json).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.in.43',
      typing_indicator: { type: 'text' },
    });
    expect(h.stub.typingShown).toEqual(['wamid.in.43']);
    expect(h.stub.readMarks).toEqual(['wamid.in.43']);
  });

  it("gets Meta's 400 (code 100) back as a permanent failure when a payload breaks the rules", async () => {
    const tooMany = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` }));
    const result = await send({ kind: 'buttons', body: 'Elige', buttons: tooMany });
    expect(result).toMatchObject({ ok: false, error: { type: 'SendFailed', retryable: false, code: '100' } });
  });

  it('backs a recipient off after pair-rate refusals (131056), longer each time, refusing fast meanwhile', async () => {
    let now = 0;
    const paced = await openMetaCloud({ limiter: new ThroughputLimiter({ recipientSpacingMs: 0, now: () => now }) });
    const sendPaced = (body: string, to: WaIdentity = ana) =>
      paced.gateway.send({ line, to, content: textMessage(body) });
    const pairRate = { status: 400, error: { code: 131056 } };
    paced.stub.failNext(1, pairRate);
    expect(await sendPaced('1')).toMatchObject({
      ok: false,
      error: { retryable: true, code: '131056', retryAfterMs: 6_000 },
    });
    now = 2_000;
    expect(await sendPaced('2')).toEqual({
      ok: false,
      error: {
        type: 'SendFailed',
        retryable: true,
        code: 'pair_rate_backoff',
        title: expect.any(String),
        retryAfterMs: 4_000,
      },
    });
    expect(await sendPaced('to beto', { phone: phone('+573009998877'), userId: null })).toMatchObject({ ok: true });
    now = 6_000;
    paced.stub.failNext(1, pairRate);
    expect(await sendPaced('3')).toMatchObject({ ok: false, error: { code: '131056', retryAfterMs: 24_000 } });
    now = 30_000;
    expect(await sendPaced('4')).toMatchObject({ ok: true });
    expect(paced.stub.requests).toHaveLength(4);
    await paced.close();
  });
});
