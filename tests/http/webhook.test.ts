import { describe, expect, it } from 'vitest';
import { createHttpApp, type HttpLogger } from '../../adapters/http/create-http-app.ts';
import type { WebhookPort } from '../../adapters/http/webhook.router.ts';
import { verifySignature } from '../../adapters/whatsapp/meta-cloud/webhook-signature.ts';
import { inbound, messagesChange, sign, webhookOf } from '../builders/meta-webhook-payloads.ts';

const SECRET = 'app-secret';
const TOKEN = 'verify-me-7Qx';
const MAX = 2048;

/** A webhook twin: real signature check, records the raw bodies `accept` got, refuses non-JSON. */
const recordingWebhook = () => {
  const accepted: string[] = [];
  const webhook: WebhookPort = {
    verifyToken: TOKEN,
    maxBodyBytes: MAX,
    verifySignature: (raw, header) => verifySignature(SECRET, raw, header),
    accept: async (raw) => {
      const text = new TextDecoder().decode(raw);
      accepted.push(text);
      try {
        JSON.parse(text);
      } catch {
        return { kind: 'invalid', reason: 'not JSON' };
      }
      return { kind: 'stored', messages: 1, statuses: 0, templateUpdates: 0 };
    },
  };
  return { webhook, accepted };
};

const setup = () => {
  const lines: { level: string; obj: object }[] = [];
  const at = (level: string) => (obj: object) => void lines.push({ level, obj });
  const logger: HttpLogger = { info: at('info'), warn: at('warn'), error: at('error') };
  const { webhook, accepted } = recordingWebhook();
  return { app: createHttpApp({ logger, webhook }), accepted, lines };
};

const handshake = (query: string) => setup().app.request(`/webhooks/whatsapp?${query}`);
const post = (app: ReturnType<typeof setup>['app'], body: string | Uint8Array, headers: Record<string, string> = {}) =>
  app.request('/webhooks/whatsapp', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

const body = JSON.stringify(webhookOf(messagesChange({ messages: [inbound.text('¡Hola! 🏡 ¿precio?')] })));

describe('GET /webhooks/whatsapp (verification handshake)', () => {
  it('echoes hub.challenge as plain text for the right mode and token', async () => {
    const res = await handshake(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe('1158201444');
  });

  it.each([
    ['a wrong token', 'hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess'],
    ['a token prefix', `hub.mode=subscribe&hub.challenge=1&hub.verify_token=${TOKEN.slice(0, -1)}`],
    ['no token', 'hub.mode=subscribe&hub.challenge=1'],
    ['a wrong mode', `hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=${TOKEN}`],
    ['no mode', `hub.challenge=1&hub.verify_token=${TOKEN}`],
  ])('answers 403 for %s', async (_name, query) => {
    const res = await handshake(query);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 403, code: 'verification_failed' });
  });
});

describe('POST /webhooks/whatsapp', () => {
  it('accepts a correctly signed body, handing accept the exact bytes', async () => {
    const { app, accepted, lines } = setup();
    const res = await post(app, body, { 'x-hub-signature-256': sign(SECRET, body) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    expect(accepted).toEqual([body]);
    expect(lines).toContainEqual({
      level: 'info',
      obj: expect.objectContaining({ event: 'whatsapp_webhook_received', messages: 1 }),
    });
  });

  it.each([
    ['no signature', {}],
    ['a signature from another secret', { 'x-hub-signature-256': sign('not-the-secret', body) }],
    ['the signature of another body', { 'x-hub-signature-256': sign(SECRET, `${body} `) }],
    ['a malformed signature', { 'x-hub-signature-256': 'sha256=xyz' }],
  ])('answers 401 for %s and never calls accept', async (_name, headers) => {
    const { app, accepted, lines } = setup();
    const res = await post(app, body, headers);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, code: 'invalid_signature' });
    expect(accepted).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('Hola');
  });

  it('answers 413 for a body over the limit, even when correctly signed', async () => {
    const { app, accepted } = setup();
    const big = JSON.stringify({ pad: 'x'.repeat(MAX) });
    const res = await post(app, big, { 'x-hub-signature-256': sign(SECRET, big) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
    expect(accepted).toEqual([]);
  });

  it('answers 413 from a too large Content-Length without reading the body', async () => {
    const { app, accepted } = setup();
    const res = await post(app, body, { 'content-length': String(MAX + 1), 'x-hub-signature-256': sign(SECRET, body) });
    expect(res.status).toBe(413);
    expect(accepted).toEqual([]);
  });

  it('accepts a body of exactly the limit', async () => {
    const { app } = setup();
    const exact = JSON.stringify({ pad: 'x'.repeat(MAX - 10) });
    expect(new TextEncoder().encode(exact).byteLength).toBe(MAX);
    expect((await post(app, exact, { 'x-hub-signature-256': sign(SECRET, exact) })).status).toBe(200);
  });

  it('answers 400 invalid_webhook for signed bytes that are not a webhook, and logs why', async () => {
    const { app, lines } = setup();
    const res = await post(app, '{"object":', { 'x-hub-signature-256': sign(SECRET, '{"object":') });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, code: 'invalid_webhook', detail: 'not JSON' });
    expect(lines).toContainEqual({
      level: 'warn',
      obj: expect.objectContaining({ event: 'whatsapp_webhook_invalid' }),
    });
  });

  it('is not served without a webhook dependency', async () => {
    const app = createHttpApp({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
    expect((await app.request('/webhooks/whatsapp?hub.mode=subscribe')).status).toBe(404);
  });
});
