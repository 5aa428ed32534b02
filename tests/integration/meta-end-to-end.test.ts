import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { startServer, type RunningServer } from '../../bootstrap/server.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { PHONE_NUMBER_ID, WA_ID, inbound, messagesChange, sign, webhookOf } from '../builders/meta-webhook-payloads.ts';
import { startStubGraphApi } from '../support/stub-graph-api.ts';
import { eventually } from '../support/eventually.ts';

const SECRET = 'e2e-app-secret-0123456789abcdef012345';
const TOKEN = 'e2e-access-token';

const until = <T>(probe: () => T | undefined, what: string): Promise<T> =>
  eventually(
    () => {
      const value = probe();
      if (value === undefined) throw new Error(`${what}: not yet`);
      return value;
    },
    { what, timeoutMs: 15_000, intervalMs: 50 },
  ) as Promise<T>;

describe('Meta mode over real sockets, against a stub Graph API', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('answers a signed "Hola" from a new number with the bot\'s first question, sent through the Graph API', async () => {
    const stub = await startStubGraphApi({ token: TOKEN, version: 'v25.0', phoneNumberIds: [PHONE_NUMBER_ID] });
    cleanups.push(stub.close);
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'lead-desk-meta-')),
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_VERIFY_TOKEN: 'verify',
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_BUSINESS_ACCOUNT_ID: '102290129340398',
      WHATSAPP_GRAPH_URL: stub.url,
      WHATSAPP_GRAPH_VERSION: 'v25.0',
    });
    // Meta mode starts empty: the demo desk is loaded as `npm run seed` does.
    const server: RunningServer = await startServer(config, {
      prepare: (c) => seedDemo(c.get(TOKENS.UnitOfWork), PHONE_NUMBER_ID),
    });
    cleanups.push(server.close);

    const body = JSON.stringify(webhookOf(messagesChange({ messages: [inbound.text('Hola')] })));
    const response = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) },
      body,
    });
    expect(response.status).toBe(200);

    const question = await until(
      () => stub.sentMessages.find((m) => JSON.stringify(m.body).includes('correo electr')),
      'the bot question',
    );
    expect(question.phoneNumberId).toBe(PHONE_NUMBER_ID);
    expect(question.body).toMatchObject({ messaging_product: 'whatsapp', to: WA_ID, type: 'text' });

    const forged = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign('not-the-secret', body) },
      body,
    });
    expect(forged.status).toBe(401);
  }, 60_000);
});
