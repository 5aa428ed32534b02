import {
  contact,
  inbound,
  messagesChange,
  sign,
  webhookOf,
  type Json,
} from '../tests/builders/meta-webhook-payloads.ts';
import type { HttpClient } from './http-client.ts';

/** What a simulated lead says: typed text, or a tap on a button or a list row the bot offered. */
export type LeadInput =
  | { readonly kind: 'text'; readonly body: string }
  | { readonly kind: 'button'; readonly id: string; readonly title: string }
  | { readonly kind: 'row'; readonly id: string; readonly title: string };

export type WebhookSender = {
  /** Signs and posts one message from `waId` for `phoneNumberId`; rejects unless the app answers 200. */
  send(waId: string, input: LeadInput): Promise<void>;
};

/**
 * Meta-shaped webhooks (the shapes of tests/builders/meta-webhook-payloads.ts) with message ids unique to
 * this run, so a database reused across runs never takes a message for a duplicate, and today's timestamp,
 * so the 24-hour window is open.
 */
export const webhookSender = (
  client: HttpClient,
  appSecret: string,
  phoneNumberId: string,
  runId: string,
): WebhookSender => {
  let issued = 0;
  const messageOf = (waId: string, input: LeadInput): Json => {
    const over = {
      from: waId,
      id: `wamid.bench.${runId}.${++issued}`,
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    if (input.kind === 'text') return inbound.text(input.body, over);
    return input.kind === 'button'
      ? inbound.buttonReply(input.id, input.title, over)
      : inbound.listReply(input.id, input.title, over);
  };
  return {
    async send(waId, input) {
      const change = messagesChange({
        messages: [messageOf(waId, input)],
        contacts: [contact(waId, `Bench ${waId.slice(-6)}`)],
        phoneNumberId,
      });
      const body = JSON.stringify(webhookOf(change));
      const answer = await client.post('/webhooks/whatsapp', body, { 'x-hub-signature-256': sign(appSecret, body) });
      if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${answer.body.slice(0, 200)}`);
    },
  };
};

/** A WhatsApp id (digits, no `+`): a valid Colombian mobile `57 31…`, unique per run salt (0–999) and `n` (< 100,000). */
export const benchWaId = (runSalt: number, n: number): string =>
  `5731${String(runSalt % 1_000).padStart(3, '0')}${String(n % 100_000).padStart(5, '0')}`;
