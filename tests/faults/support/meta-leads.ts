import { contact, inbound, messagesChange, sign, webhookOf, type Json } from '../../builders/meta-webhook-payloads.ts';
import { pause } from './scale.ts';

/** The app secret every fault rig signs with. */
export const APP_SECRET = 'faults-app-secret-0123456789abcdef0123';

/** A Colombian mobile as Meta writes it (no plus): `block` keeps each scenario's leads apart. */
export const waIdOf = (block: number, i: number): string => `57300${block}${String(i).padStart(6, '0')}`;
export const phoneOf = (waId: string): string => `+${waId}`;

export const textFrom = (waId: string, body: string): Json => inbound.text(body, { from: waId });
export const buttonFrom = (waId: string, id: string, title: string): Json =>
  inbound.buttonReply(id, title, { from: waId });

/**
 * A lead's way to an advisor: greeting, email, consent, "asesor". `REPLIES_AFTER[n]` is how many bot
 * messages a clean run has sent after the first `n` steps (welcome + question, consent buttons, filters, advisor).
 */
export const advisorScript = (waId: string): Json[] => [
  textFrom(waId, 'Hola'),
  textFrom(waId, `l${waId}@correo.com`),
  buttonFrom(waId, 'consent:yes', 'Acepto'),
  textFrom(waId, 'asesor'),
];
export const REPLIES_AFTER: readonly number[] = [0, 2, 3, 4, 5];

/** One signed-to-be webhook body carrying `messages` from one lead, as Meta batches them. */
export const webhookBody = (waId: string, ...messages: Json[]): string =>
  JSON.stringify(webhookOf(messagesChange({ messages, contacts: [contact(waId, `Lead ${waId.slice(-4)}`)] })));

/** A webhook body of statuses (receipts) for messages we sent. */
export const statusBody = (...statuses: Json[]): string => JSON.stringify(webhookOf(messagesChange({ statuses })));

/** POSTs a body to the app's webhook, signed as Meta does; the HTTP status, or `null` when the connection failed. */
export const deliver = async (url: string, body: string, secret = APP_SECRET): Promise<number | null> => {
  const headers = { 'content-type': 'application/json', 'x-hub-signature-256': sign(secret, body) };
  try {
    const response = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers, body });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
};

/** Meta's redelivery: the same body again, with back-off, until a 200 (`url` is asked each time: the app may move). */
export const deliverUntilAcked = async (url: () => string, body: string, timeoutMs = 60_000): Promise<number> => {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    if ((await deliver(url(), body)) === 200) return attempt;
    if (Date.now() > deadline) throw new Error(`webhook not acknowledged within ${timeoutMs} ms`);
    await pause(Math.min(2_000, 100 * 2 ** attempt));
  }
};

/** What the stub Graph API accepted for one recipient, in order. */
export const sentTo = <M extends { readonly body: Record<string, unknown> }>(sent: readonly M[], waId: string): M[] =>
  sent.filter((m) => m.body['to'] === waId);
