import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/create-http-app.ts';
import type { ParsedWebhook } from '../../adapters/whatsapp/meta-cloud/webhook-payload.ts';
import { createWebhookReceiver } from '../../adapters/whatsapp/meta-cloud/webhook-receiver.ts';
import { entry, inbound, messagesChange, nextWamid, sign, status, webhook } from '../builders/meta-webhook-payloads.ts';

const SECRET = 'meta-app-secret';
const NOW = 1_750_000_000_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** The HTTP app with Meta's real receiver; the store is the only twin, recording what would be kept. */
const setup = (store?: (parsed: ParsedWebhook) => Promise<void>) => {
  const stored: ParsedWebhook[] = [];
  const receiver = createWebhookReceiver({
    appSecret: SECRET,
    verifyToken: 'token',
    now: () => NOW,
    maxBodyBytes: 64 * 1024,
    store: store ?? (async (parsed) => void stored.push(parsed)),
  });
  return { app: createHttpApp({ logger: silent, webhook: receiver }), stored };
};

const post = (app: ReturnType<typeof setup>['app'], body: string | ReadableStream<Uint8Array>, signature: string) => {
  const headers = { 'content-type': 'application/json', 'x-hub-signature-256': signature };
  // `duplex` is required by fetch for a streamed body; Node's RequestInit type does not list it.
  return app.request('/webhooks/whatsapp', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
};

describe('POST /webhooks/whatsapp with the Meta receiver', () => {
  it('stores every message and status of a signed batch, then answers 200', async () => {
    const { app, stored } = setup();
    const body = JSON.stringify(
      webhook(
        entry(messagesChange({ messages: [inbound.text('Hola'), inbound.audio()] })),
        entry(messagesChange({ statuses: [status(nextWamid(), 'read')] })),
      ),
    );
    const res = await post(app, body, sign(SECRET, body));
    expect(res.status).toBe(200);
    expect(stored.flatMap((p) => p.entries.map((e) => e.kind))).toEqual(['message', 'message', 'status']);
  });

  it.each([
    ['not JSON', 'not json'],
    ['a wrong envelope', JSON.stringify({ object: 'instagram', entry: [] })],
    ['an empty body', ''],
  ])('answers 400 and stores nothing for %s', async (_name, body) => {
    const { app, stored } = setup();
    const res = await post(app, body, sign(SECRET, body));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_webhook' });
    expect(stored).toEqual([]);
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    const { app, stored } = setup();
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => {
        pulled += 1;
        c.enqueue(chunk);
      },
    });
    const res = await post(app, endless, 'sha256=00');
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(stored).toEqual([]);
  });

  it('answers 500 when storing fails, so Meta delivers again later', async () => {
    const { app } = setup(() => Promise.reject(new Error('database down')));
    const body = JSON.stringify(webhook(entry(messagesChange({ messages: [inbound.text()] }))));
    const res = await post(app, body, sign(SECRET, body));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: 'internal' });
  });
});
