import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { T0, startDesk, type Desk } from '../support/desk-harness.ts';
import { PHONE_NUMBER_ID, WA_ID, inbound, messagesChange, sign, status, templateStatusChange, webhookOf, type Json } from '../builders/meta-webhook-payloads.ts';

const SECRET = 'app-secret-for-tests';
const env = { WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID };
const at = (ms: number) => String(Math.floor(ms / 1000));

const deliver = async (desk: Desk, payload: Json) => {
  const body = JSON.stringify(payload);
  const response = await desk.container.get(TOKENS.HttpApp).request('/webhooks/whatsapp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) },
    body,
  });
  await desk.container.get(TOKENS.ProcessInbox).drain();
  await desk.dispatch.execute();
  return response;
};

describe('a signed webhook, end to end through the inbox', () => {
  it('answers a new number\'s "Hola" with the bot\'s first question, once even when Meta redelivers it', async () => {
    const desk = await startDesk(T0, null, env);
    const hola = webhookOf(messagesChange({ messages: [inbound.text('Hola', { timestamp: at(T0) })] }));

    expect((await deliver(desk, hola)).status).toBe(200);
    expect((await deliver(desk, hola)).status).toBe(200);

    const replies = desk.whatsapp.sentTo(`+${WA_ID}`);
    expect(replies.map((m) => m.content.kind)).toEqual(['text', 'text']);
    expect(desk.whatsapp.lead(`+${WA_ID}`).lastText()).toContain('correo electrónico');
  });

  it('moves statuses forward only, whatever order they arrive in', async () => {
    const desk = await startDesk(T0, null, env);
    await deliver(desk, webhookOf(messagesChange({ messages: [inbound.text('Hola', { timestamp: at(T0) })] })));
    const wamid = desk.whatsapp.sentTo(`+${WA_ID}`)[0]?.waMessageId ?? '';

    await deliver(desk, webhookOf(messagesChange({ statuses: [status(wamid, 'read'), status(wamid, 'delivered'), status(wamid, 'sent')] })));

    const message = await desk.read((r) => r.messages.byWaMessageId(wamid as never));
    expect(message).toMatchObject({ direction: 'outbound', status: 'read' });
  });

  it('applies a template status update at once', async () => {
    const desk = await startDesk(T0, null, env);
    await deliver(desk, webhookOf(templateStatusChange('promocion_lanzamiento', 'APPROVED', 'NONE', 'es_CO')));
    expect((await desk.read((r) => r.templates.approved())).map((t) => t.name)).toContain('promocion_lanzamiento');
  });

  it('acknowledges and ignores a message for a number that is not one of our lines', async () => {
    const desk = await startDesk(T0, null, env);
    const stranger = webhookOf(messagesChange({ phoneNumberId: '999999999', messages: [inbound.text('Hola')] }));

    expect((await deliver(desk, stranger)).status).toBe(200);
    expect(desk.whatsapp.sent).toEqual([]);
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });
});
