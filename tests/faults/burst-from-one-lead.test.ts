import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../domain/messaging/message.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { deliver, sentTo, textFrom, waIdOf, webhookBody } from './support/meta-leads.ts';
import { MetaRig } from './support/meta-rig.ts';
import { scaled } from './support/scale.ts';

const BURST = 20;
/** Leads bursting at the same time; one in the reduced run. */
const LEADS = scaled(1, 4);
const textOf = (m: Message): string => (m.content.kind === 'text' ? m.content.body : `<${m.content.kind}>`);
const burstOf = (waId: string): string[] => [
  'Hola',
  `l${waId}@correo.com`,
  ...Array.from({ length: BURST - 2 }, (_, n) => `mensaje ${n + 3}`),
];

/** Each inbound answered before the next one is handled: the stored order reads in, out…, in, out… */
const turns = (messages: readonly Message[]): number[] => {
  const replies: number[] = [];
  for (const m of messages) {
    if (m.direction === 'inbound') replies.push(0);
    else if (replies.length > 0) replies[replies.length - 1] = (replies.at(-1) ?? 0) + 1;
  }
  return replies;
};

const postgres = postgresForTests();

describe.skipIf(postgres === null)('a burst of messages from one lead within a second', () => {
  let rig: MetaRig;
  beforeAll(async () => {
    rig = await MetaRig.start();
    // Two instances behind a load balancer: consecutive webhooks land on different processes.
    await rig.spawn();
    await rig.spawn();
  }, 120_000);
  afterAll(async () => rig?.close());

  it('stores all of them, handles them in the order they were sent, and answers each one', async () => {
    const leads = Array.from({ length: LEADS }, (_, i) => waIdOf(3, i));
    const started = Date.now();
    await Promise.all(
      leads.map(async (waId) => {
        for (const [n, text] of burstOf(waId).entries()) {
          // Only the acknowledgement is awaited (as Meta does), never the answer.
          expect(await deliver((rig.apps[n % 2] ?? rig.app).url, webhookBody(waId, textFrom(waId, text)))).toBe(200);
        }
      }),
    );
    const burstMs = Date.now() - started;
    await rig.settle();

    for (const waId of leads) {
      const messages = await rig.messagesOf(waId);
      const inbound = messages.filter((m) => m.direction === 'inbound');
      expect(inbound.map(textOf), `burst took ${burstMs} ms`).toEqual(burstOf(waId));
      expect(turns(messages)).toHaveLength(BURST);
      expect(turns(messages).every((replies) => replies >= 1)).toBe(true);
      const outbound = messages.filter((m) => m.direction === 'outbound');
      expect(outbound.every((m) => m.status === 'sent')).toBe(true);
      expect(sentTo(rig.stub.sentMessages, waId).map((m) => m.waMessageId)).toEqual(outbound.map((m) => m.waMessageId));
    }
  }, 120_000);
});
