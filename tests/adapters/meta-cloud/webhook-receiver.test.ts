import { describe, expect, it } from 'vitest';
import type { ParsedWebhook } from '../../../adapters/whatsapp/meta-cloud/webhook-payload.ts';
import {
  createWebhookReceiver,
  META_MAX_WEBHOOK_BYTES,
} from '../../../adapters/whatsapp/meta-cloud/webhook-receiver.ts';
import {
  failedStatus,
  inbound,
  messagesChange,
  nextWamid,
  sign,
  templateStatusChange,
  webhookOf,
} from '../../builders/meta-webhook-payloads.ts';

const NOW = 1_750_000_000_000;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const receiver = () => {
  const stored: ParsedWebhook[] = [];
  const port = createWebhookReceiver({
    appSecret: 'secret',
    verifyToken: 'token',
    now: () => NOW,
    store: async (parsed) => void stored.push(parsed),
  });
  return { port, stored };
};

describe('createWebhookReceiver', () => {
  it('stores a valid webhook and reports what it held', async () => {
    const { port, stored } = receiver();
    const body = JSON.stringify(
      webhookOf(
        messagesChange({ messages: [inbound.text(), { type: 'text' }] }),
        messagesChange({ statuses: [failedStatus(nextWamid())] }),
        templateStatusChange('bienvenida'),
      ),
    );
    expect(await port.accept(bytes(body))).toEqual({
      kind: 'stored',
      messages: 1,
      statuses: 1,
      templateUpdates: 1,
      skipped: 1,
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.entries.map((e) => e.kind)).toEqual(['message', 'status']);
  });

  it.each([
    ['not JSON', bytes('{"object":')],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['a wrong envelope', bytes(JSON.stringify({ object: 'page', entry: [] }))],
  ])('stores nothing for %s', async (_name, raw) => {
    const { port, stored } = receiver();
    expect(await port.accept(raw)).toMatchObject({ kind: 'invalid', reason: expect.any(String) });
    expect(stored).toEqual([]);
  });

  it('checks signatures with the app secret and defaults to Meta’s 3 MB limit', () => {
    const { port } = receiver();
    expect(port.verifySignature(bytes('{}'), sign('secret', '{}'))).toBe(true);
    expect(port.verifySignature(bytes('{}'), sign('other', '{}'))).toBe(false);
    expect(port.maxBodyBytes).toBe(META_MAX_WEBHOOK_BYTES);
  });

  it('lets a storage outage through, so Meta retries the delivery', async () => {
    const port = createWebhookReceiver({
      appSecret: 's',
      verifyToken: 't',
      now: () => NOW,
      store: () => Promise.reject(new Error('database down')),
    });
    const body = JSON.stringify(webhookOf(messagesChange({ messages: [inbound.text()] })));
    await expect(port.accept(bytes(body))).rejects.toThrow('database down');
  });
});
