import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { T0 } from '../support/desk-harness.ts';
import { startStubGraphApi, type StubGraphApi } from '../support/stub-graph-api.ts';
import {
  PHONE_NUMBER_ID,
  WA_ID,
  inbound,
  messagesChange,
  sign,
  status,
  templateStatusChange,
  webhookOf,
  type Json,
} from '../builders/meta-webhook-payloads.ts';

const SECRET = 'app-secret-for-tests-0123456789abcdef';
const TOKEN = 'access-token-for-tests';
const at = (ms: number) => String(Math.floor(ms / 1000));

/**
 * The app wired as `npm start` wires it in Meta mode (the webhook exists only there), in memory, with a fixed
 * clock and the demo desk on the line; what it sends reaches a stub Graph API on 127.0.0.1.
 */
const startMetaDesk = async (stub: StubGraphApi) => {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_VERIFY_TOKEN: 'verify-me',
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_GRAPH_URL: stub.url,
  });
  const container = buildContainer(config, [
    override(TOKENS.Clock, new FixedClock(T0)),
    override(TOKENS.IdGenerator, new SequentialIdGenerator()),
  ]);
  const uow = container.get(TOKENS.UnitOfWork);
  await seedDemo(uow, PHONE_NUMBER_ID);
  return {
    container,
    /** What the stub accepted for the lead, in order. */
    sentToLead: () => stub.sentMessages.filter((m) => m.body['to'] === WA_ID),
    read: <T>(f: (repos: Repositories) => Promise<T>): Promise<T> => uow.transaction(f),
  };
};
type Desk = Awaited<ReturnType<typeof startMetaDesk>>;

const deliver = async (desk: Desk, payload: Json) => {
  const body = JSON.stringify(payload);
  const response = await desk.container.get(TOKENS.HttpApp).request('/webhooks/whatsapp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) },
    body,
  });
  await desk.container.get(TOKENS.MessagePipeline).idle();
  return response;
};

let stub: StubGraphApi | undefined;
const start = async () => {
  stub = await startStubGraphApi({ token: TOKEN, version: 'v25.0', phoneNumberIds: [PHONE_NUMBER_ID] });
  return startMetaDesk(stub);
};
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('a signed webhook, end to end through the inbox', () => {
  it('answers a new number\'s "Hola" with the bot\'s first question, once even when Meta redelivers it', async () => {
    const desk = await start();
    const hola = webhookOf(messagesChange({ messages: [inbound.text('Hola', { timestamp: at(T0) })] }));

    expect((await deliver(desk, hola)).status).toBe(200);
    expect((await deliver(desk, hola)).status).toBe(200);

    const replies = desk.sentToLead();
    expect(replies.map((m) => m.body['type'])).toEqual(['text', 'text']);
    expect(JSON.stringify(replies.at(-1)?.body)).toContain('correo electrónico');
  });

  it('moves statuses forward only, whatever order they arrive in', async () => {
    const desk = await start();
    await deliver(desk, webhookOf(messagesChange({ messages: [inbound.text('Hola', { timestamp: at(T0) })] })));
    const wamid = desk.sentToLead()[0]?.waMessageId ?? '';
    expect(wamid).not.toBe('');

    await deliver(
      desk,
      webhookOf(
        messagesChange({ statuses: [status(wamid, 'read'), status(wamid, 'delivered'), status(wamid, 'sent')] }),
      ),
    );

    const message = await desk.read((r) => r.messages.byWaMessageId(wamid as never));
    expect(message).toMatchObject({ direction: 'outbound', status: 'read' });
  });

  it('applies a template status update at once', async () => {
    const desk = await start();
    await deliver(desk, webhookOf(templateStatusChange('promocion_lanzamiento', 'APPROVED', 'NONE', 'es_CO')));
    expect((await desk.read((r) => r.templates.approved())).map((t) => t.name)).toContain('promocion_lanzamiento');
  });

  it('acknowledges and ignores a message for a number that is not one of our lines', async () => {
    const desk = await start();
    const stranger = webhookOf(messagesChange({ phoneNumberId: '999999999', messages: [inbound.text('Hola')] }));

    expect((await deliver(desk, stranger)).status).toBe(200);
    expect(stub?.sentMessages).toEqual([]);
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });
});
