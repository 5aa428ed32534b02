import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStubGraphApi, type StubGraphApi } from '../../support/stub-graph-api.ts';

const TOKEN = 'stub-token';
const ok = {
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '573001234567',
  type: 'text',
  text: { body: 'Hola' },
};

/** The stub must refuse what Meta refuses, or adapter tests against it prove nothing. */
describe('stub Graph API', () => {
  let stub: StubGraphApi;
  beforeEach(
    async () => (stub = await startStubGraphApi({ token: TOKEN, version: 'v25.0', phoneNumberIds: ['pnid-1'] })),
  );
  afterEach(() => stub.close());

  const post = async (body: unknown, { path = '/v25.0/pnid-1/messages', token = TOKEN } = {}) => {
    const response = await fetch(`${stub.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { code: number; error_data?: { details: string } } },
    };
  };
  const upload = (type: string, fileType = type) => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', type);
    form.set('file', new Blob([new Uint8Array([1])], { type: fileType }), 'f');
    return fetch(`${stub.url}/v25.0/pnid-1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
  };

  it('accepts a well-formed message and answers like Meta', async () => {
    expect(await post(ok)).toEqual({
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: '573001234567', wa_id: '573001234567' }],
        messages: [{ id: 'wamid.stub.1', message_status: 'accepted' }],
      },
    });
  });

  it.each([
    ['without messaging_product', { ...ok, messaging_product: undefined }],
    ['with a + in `to`', { ...ok, to: '+573001234567' }],
    ['with both `to` and `recipient`', { ...ok, recipient: 'CO.1' }],
    ['with neither `to` nor `recipient`', { ...ok, to: undefined }],
    ['with an unknown field', { ...ok, text: { body: 'Hola', previewUrl: true } }],
    ['without the type object', { ...ok, text: undefined }],
    ['with a caption on audio', { ...ok, type: 'audio', text: undefined, audio: { id: 'm', caption: 'x' } }],
    [
      'with four reply buttons',
      {
        ...ok,
        type: 'interactive',
        text: undefined,
        interactive: {
          type: 'button',
          body: { text: 'b' },
          action: { buttons: [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `${n}`, title: `${n}` } })) },
        },
      },
    ],
    ['with media never uploaded', { ...ok, type: 'image', text: undefined, image: { id: 'media.stub.99' } }],
  ])('answers 400 with code 100 for a message %s', async (_, body) => {
    expect(await post(body)).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    expect(stub.sentMessages).toEqual([]);
  });

  it('refuses a wrong token with 401 and code 190, a wrong version or unknown line with code 100', async () => {
    expect(await post(ok, { token: 'other' })).toMatchObject({ status: 401, body: { error: { code: 190 } } });
    expect(await post(ok, { path: '/v99.0/pnid-1/messages' })).toMatchObject({
      status: 400,
      body: { error: { code: 100 } },
    });
    expect(await post(ok, { path: '/v25.0/pnid-2/messages' })).toMatchObject({
      status: 400,
      body: { error: { code: 100 } },
    });
  });

  it('refuses audio/opus uploads with 131053, and a type field that differs from the file', async () => {
    const opus = await upload('audio/opus');
    expect(opus.status).toBe(400);
    expect(((await opus.json()) as { error: { code: number } }).error.code).toBe(131053);
    expect((await upload('audio/ogg', 'image/png')).status).toBe(400);
    expect((await upload('audio/ogg')).status).toBe(200);
    expect(stub.media.map((m) => m.mimeType)).toEqual(['audio/ogg']);
  });
});
