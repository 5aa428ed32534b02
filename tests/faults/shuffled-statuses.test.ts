import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { failedStatus, status, type Json } from '../builders/meta-webhook-payloads.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { deliver, statusBody, textFrom, waIdOf, webhookBody } from './support/meta-leads.ts';
import { MetaRig } from './support/meta-rig.ts';
import { eventually, scaled } from './support/scale.ts';

type Receipt = 'sent' | 'delivered' | 'read' | 'failed';
/**
 * How far each receipt takes a message (domain/messaging/delivery-status.ts): a failure report beats
 * "sent", but a delivered or read receipt proves it wrong. The final status is the furthest received.
 */
const FURTHEST: readonly Receipt[] = ['sent', 'failed', 'delivered', 'read'];
const furthest = (receipts: readonly Receipt[]): Receipt =>
  receipts.reduce((a, b) => (FURTHEST.indexOf(b) > FURTHEST.indexOf(a) ? b : a), 'sent');

const receiptFor = (waMessageId: string, waId: string, value: Receipt): Json =>
  value === 'failed'
    ? { ...failedStatus(waMessageId), recipient_id: waId }
    : status(waMessageId, value, { recipient_id: waId });

/** Receipts for the two replies of one bot turn, cut into webhooks, some delivered twice, sent one by one or all at once. */
const plans = fc.record({
  receipts: fc.array(
    fc.record({ reply: fc.constantFrom(0, 1), value: fc.constantFrom<Receipt>('sent', 'delivered', 'read', 'failed') }),
    { minLength: 1, maxLength: 10 },
  ),
  batchSizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }),
  copies: fc.array(fc.constantFrom(1, 2), { minLength: 10, maxLength: 10 }),
  concurrent: fc.boolean(),
});
type Plan = typeof plans extends fc.Arbitrary<infer P> ? P : never;

const webhooksOf = (plan: Plan, replies: readonly OutboundMessage[], waId: string): string[] => {
  const bodies: string[] = [];
  for (let at = 0, n = 0; at < plan.receipts.length; n++) {
    const batch = plan.receipts.slice(at, at + (plan.batchSizes[n] ?? 1));
    at += batch.length;
    const body = statusBody(...batch.map((r) => receiptFor(replies[r.reply]?.waMessageId ?? '', waId, r.value)));
    bodies.push(...Array.from({ length: plan.copies[n] ?? 1 }, () => body));
  }
  return bodies;
};

const postgres = postgresForTests();

describe.skipIf(postgres === null)('delivery receipts shuffled and duplicated', () => {
  let rig: MetaRig;
  let leads = 0;
  beforeAll(async () => {
    rig = await MetaRig.start();
    await rig.spawn();
  }, 120_000);
  afterAll(async () => rig?.close());

  /** A new lead says "Hola"; resolves with the bot's two replies once WhatsApp (the stub) took them. */
  const freshReplies = async (waId: string): Promise<OutboundMessage[]> => {
    expect(await deliver(rig.app.url, webhookBody(waId, textFrom(waId, 'Hola')))).toBe(200);
    return eventually(
      async () => {
        const out = (await rig.messagesOf(waId)).filter((m): m is OutboundMessage => m.direction === 'outbound');
        return out.length === 2 && out.every((m) => m.status === 'sent') ? out : undefined;
      },
      20_000,
      () => `no replies for ${waId}`,
    );
  };

  it('keep each message at the furthest status received, whatever the order, with the failure reason when it failed', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const waId = waIdOf(2, leads++);
        const replies = await freshReplies(waId);
        const bodies = webhooksOf(plan, replies, waId);
        const answers = plan.concurrent
          ? await Promise.all(bodies.map((body) => deliver(rig.app.url, body)))
          : await bodies.reduce<Promise<(number | null)[]>>(
              async (done, body) => [...(await done), await deliver(rig.app.url, body)],
              Promise.resolve([]),
            );
        expect(answers.every((a) => a === 200)).toBe(true);
        await rig.settle(20_000);

        const stored = (await rig.messagesOf(waId)).filter((m): m is OutboundMessage => m.direction === 'outbound');
        for (const [k, reply] of stored.entries()) {
          const expected = furthest(plan.receipts.filter((r) => r.reply === k).map((r) => r.value));
          expect(reply.status).toBe(expected);
          expect(reply.failure).toEqual(expected === 'failed' ? expect.objectContaining({ code: '131026' }) : null);
        }
      }),
      { numRuns: scaled(12, 80) },
    );
  }, 300_000);
});
