import { describe, expect, it } from 'vitest';
import { MAX_INBOUND_BODY_BYTES } from '../../adapters/http/fake-whatsapp.schemas.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { phoneDesk, type PhoneDesk } from '../support/fake-phone-http.ts';

const PHONE = '+573001112244';
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 250,
]);
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const bytesOf = async (response: Response): Promise<Uint8Array> => new Uint8Array(await response.arrayBuffer());

type ConversationJson = {
  messages: { direction: string; content: { kind: string; mediaId?: string; caption?: string } }[];
};

const toQuote = async ({ send, tap }: PhoneDesk): Promise<void> => {
  await send({ from: PHONE, text: 'Hola' });
  await send({ from: PHONE, text: 'camila@correo.com' });
  for (const title of ['Acepto', 'Ciudad']) await tap(PHONE, title);
  await send({ from: PHONE, text: 'medellin' });
  for (const title of ['Mirador de El Poblado', 'Apartamento 2 alcobas', 'Simular cotización']) await tap(PHONE, title);
};

describe('the fake phone over HTTP: files', () => {
  it('sends a photo: the app downloads it from the fake, the CRM conversation shows the same bytes, the phone too', async () => {
    const phoneDeskHttp = await phoneDesk();
    const { desk, send, crm, messages, request } = phoneDeskHttp;
    const { lead } = await registerThroughBot(desk, PHONE, 'Ana Gómez');

    const sent = await send({
      from: PHONE,
      media: { kind: 'image', mimeType: 'image/png', caption: 'La fachada', dataBase64: base64(PNG) },
    });

    expect(sent.status).toBe(202);
    const conversation = (await (await crm('GET', `/leads/${lead.id}/conversation`)).json()) as ConversationJson;
    const photo = conversation.messages.findLast((m) => m.direction === 'inbound');
    expect(photo?.content).toMatchObject({
      kind: 'media',
      mediaKind: 'image',
      caption: 'La fachada',
      mediaId: expect.any(String),
    });
    const stored = await crm('GET', `/media/${photo?.content.mediaId ?? 'none'}`);
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(await bytesOf(stored)).toEqual(PNG);

    const shown = (await messages(PHONE)).findLast((m) => m.from === 'lead');
    expect(shown).toMatchObject({
      kind: 'media',
      text: null,
      media: { kind: 'image', mimeType: 'image/png', caption: 'La fachada', filename: null, voice: false },
    });
    expect(await bytesOf(await request(shown?.media?.url ?? '/none'))).toEqual(PNG);
  });

  it('sends a voice note flagged as voice', async () => {
    const { send, messages } = await phoneDesk();
    const ogg = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2]);

    await send({
      from: PHONE,
      media: { kind: 'audio', mimeType: 'audio/ogg; codecs=opus', voice: true, dataBase64: base64(ogg) },
    });

    expect((await messages(PHONE))[0]?.media).toMatchObject({ kind: 'audio', voice: true });
  });

  it("serves the quote PDF the bot sent, from the business's media store", async () => {
    const phone = await phoneDesk();
    await toQuote(phone);

    const pdf = (await phone.messages(PHONE)).find((m) => m.media?.mimeType === 'application/pdf');
    const response = await phone.request(pdf?.media?.url ?? '/none');

    expect(pdf).toMatchObject({
      from: 'business',
      kind: 'media',
      media: { kind: 'document', filename: 'COT-000001.pdf' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="COT-000001.pdf"/);
    expect(new TextDecoder().decode((await bytesOf(response)).slice(0, 5))).toBe('%PDF-');
  });

  it('answers 404 for a message without a file, or of another phone', async () => {
    const { send, messages, request } = await phoneDesk();
    await send({ from: PHONE, text: 'Hola' });
    const [hola] = await messages(PHONE);

    const text = await request(
      `/fake-whatsapp/phones/${encodeURIComponent(PHONE)}/messages/${hola?.waMessageId}/media`,
    );
    const elsewhere = await request(`/fake-whatsapp/phones/%2B573000000000/messages/${hola?.waMessageId}/media`);

    expect(text.status).toBe(404);
    expect(elsewhere.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('the fake phone over HTTP: refusals', () => {
  const media = (extra: object) => ({
    from: PHONE,
    media: { kind: 'image', mimeType: 'image/png', dataBase64: base64(PNG), ...extra },
  });

  it.each([
    ['not base64', media({ dataBase64: '@@@@' })],
    ['an empty file', media({ dataBase64: '' })],
    ['a voice image', media({ voice: true })],
    ['a sticker', media({ kind: 'sticker' })],
    ['no MIME type', media({ mimeType: 'png' })],
    ['text and media', { ...media({}), text: 'Hola' }],
  ])('refuses %s with a 422 problem and stores nothing', async (_, body) => {
    const { desk, request } = await phoneDesk();
    const response = await request('/fake-whatsapp/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'validation_failed' });
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });

  it('refuses a file over 16 MB with a 413 problem', async () => {
    const { request } = await phoneDesk();
    const body = JSON.stringify(media({ dataBase64: 'A'.repeat(MAX_INBOUND_BODY_BYTES) }));
    const response = await request('/fake-whatsapp/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it.each(['3001234567', '+57abc', '+0573001234567'])('refuses the phone %s with a 422 problem', async (phone) => {
    const { request, receipts } = await phoneDesk();
    const messages = await request(`/fake-whatsapp/phones/${encodeURIComponent(phone)}/messages`);
    const played = await receipts(phone, ['wamid.x'], 'read');
    for (const response of [messages, played]) {
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it.each([
    [{ waMessageIds: [], status: 'read' }],
    [{ waMessageIds: ['wamid.x'], status: 'played' }],
    [{ waMessageIds: Array.from({ length: 101 }, (_, i) => `wamid.${i}`), status: 'read' }],
    [{ status: 'read' }],
    ['not json'],
  ])('refuses the receipts body %j with a 4xx problem, never a 500', async (body) => {
    const { request } = await phoneDesk();
    const response = await request(`/fake-whatsapp/phones/${encodeURIComponent(PHONE)}/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(response.status).toBe(typeof body === 'string' ? 400 : 422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers an empty log for a phone never seen, and documents the routes', async () => {
    const { desk, request } = await phoneDesk();
    const response = await request('/fake-whatsapp/phones/%2B573000000000/messages');
    expect(await response.json()).toEqual({ phone: '+573000000000', messages: [] });
    const document = (await (
      await desk.container.get(TOKENS.HttpApp).request('/fake-whatsapp/openapi.json')
    ).json()) as { paths: object };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/fake-whatsapp/inbound',
        '/fake-whatsapp/phones/{phone}/receipts',
        '/fake-whatsapp/events',
      ]),
    );
  });
});
