import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../builders/meta-webhook-payloads.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { REPLIES_AFTER, advisorScript, deliver, sentTo, waIdOf, webhookBody } from './support/meta-leads.ts';
import { MetaRig } from './support/meta-rig.ts';
import { scaled } from './support/scale.ts';

const LEADS = scaled(6, 24);
const leads = Array.from({ length: LEADS }, (_, i) => waIdOf(1, i));
const scripts = new Map(leads.map((waId) => [waId, advisorScript(waId)]));

type Twice = 'one after the other' | 'at the same time' | 'twice in one batch, then again';

/** Delivers one message's webhook twice, the way `how` says; every answer must be 200. */
const deliverTwice = async (url: string, waId: string, message: Json, how: Twice): Promise<(number | null)[]> => {
  const body = webhookBody(waId, message);
  if (how === 'at the same time') return Promise.all([deliver(url, body), deliver(url, body)]);
  if (how === 'one after the other') return [await deliver(url, body), await deliver(url, body)];
  return [await deliver(url, webhookBody(waId, message, message)), await deliver(url, body)];
};
const WAYS: readonly Twice[] = ['one after the other', 'at the same time', 'twice in one batch, then again'];

const expectOneTurnPerMessage = async (rig: MetaRig) => {
  for (const waId of leads) {
    const messages = await rig.messagesOf(waId);
    const inbound = messages.filter((m) => m.direction === 'inbound');
    const outbound = messages.filter((m) => m.direction === 'outbound');
    expect(inbound.map((m) => m.waMessageId)).toEqual((scripts.get(waId) ?? []).map((m) => m['id']));
    expect(outbound.map((m) => m.status)).toEqual(Array.from({ length: REPLIES_AFTER[4] ?? 0 }, () => 'sent'));
    // One bot turn per message: a duplicate that slipped through would have sent a second answer.
    expect(sentTo(rig.stub.sentMessages, waId)).toHaveLength(outbound.length);
  }
  const [row] = await rig.sql<{ n: number }[]>`select count(*)::int as n from inbox where kind = 'message'`;
  expect(row?.n).toBe(LEADS * 4);
};

const postgres = postgresForTests();

describe.skipIf(postgres === null)('every webhook delivered twice (Meta retries, and may deliver concurrently)', () => {
  let rig: MetaRig;
  beforeAll(async () => {
    rig = await MetaRig.start();
    await rig.spawn();
  }, 120_000);
  afterAll(async () => rig?.close());

  it('processes each Meta message id once: one inbound row and one bot turn of replies', async () => {
    await Promise.all(
      leads.map(async (waId, i) => {
        for (const [step, message] of (scripts.get(waId) ?? []).entries()) {
          expect(
            await deliverTwice(rig.app.url, waId, message, WAYS[(i + step) % WAYS.length] ?? 'at the same time'),
          ).toEqual([200, 200]);
        }
      }),
    );
    await rig.settle();
    await expectOneTurnPerMessage(rig);

    // Meta may redeliver long after the first copy was processed: a third copy of everything changes nothing.
    const again = await Promise.all(
      leads.flatMap((waId) => (scripts.get(waId) ?? []).map((m) => deliver(rig.app.url, webhookBody(waId, m)))),
    );
    expect(again.every((status) => status === 200)).toBe(true);
    await rig.settle();
    await expectOneTurnPerMessage(rig);
  }, 180_000);
});
