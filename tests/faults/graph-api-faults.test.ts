import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import {
  GRAPH_FAULTS,
  retriesAfter,
  sendsAtStub,
  shortestSpanOf,
  shuffled,
  type GraphFault,
} from './support/graph-faults.ts';
import { advisorScript, deliver, waIdOf, webhookBody } from './support/meta-leads.ts';
import { MetaRig } from './support/meta-rig.ts';
import { scaled } from './support/scale.ts';

const LIMIT = 5;
const LEADS = scaled(8, 20);
/** Each lead's first steps: "Hola" (2 replies), and in the full run the email too (1 more). */
const STEPS = scaled(1, 2);
const REPLIES = LEADS * scaled(2, 3);
const F = GRAPH_FAULTS;
const FAULTS: readonly GraphFault[] = scaled(
  [
    F.serverError,
    F.somethingWentWrong,
    F.tooManyRequests,
    F.unavailable,
    F.throughput,
    F.throughput,
    F.pairRate,
    F.dropped,
    F.dropped,
    F.timeout,
    F.undeliverable,
  ],
  [
    ...Array.from({ length: 3 }, () => [
      F.serverError,
      F.somethingWentWrong,
      F.tooManyRequests,
      F.unavailable,
      F.throughput,
      F.dropped,
      F.dropped,
      F.undeliverable,
    ]).flat(),
    F.pairRate,
    F.pairRate,
    F.timeout,
    F.timeout,
  ],
);
/** How much later than the app's limiter the stub may stamp a send (event loops and the socket between them). */
const CLOCK_SLACK_MS = 100;
const SEED = Number(process.env['FAULTS_SEED'] ?? Date.now() % 1_000_000);

const postgres = postgresForTests();

describe.skipIf(postgres === null)(`a Graph API that fails, throttles, drops and hangs (seed ${SEED})`, () => {
  let rig: MetaRig;
  beforeAll(async () => {
    rig = await MetaRig.start({ env: { WHATSAPP_MESSAGES_PER_SECOND: String(LIMIT) } });
    await rig.spawn();
  }, 120_000);
  afterAll(async () => rig?.close());

  it('retries with back-off until each reply is sent or failed with its reason, never over the send limit', async () => {
    // The faults in a random order, spaced out by sends that go through.
    const passes = Array.from({ length: Math.floor(REPLIES / 2) }, () => null);
    for (const play of shuffled([...FAULTS, ...passes], SEED)) {
      if (play === null) rig.stub.passNext(1, '/messages');
      else play.play(rig.stub);
    }
    const leads = Array.from({ length: LEADS }, (_, i) => waIdOf(5, i));
    await Promise.all(
      leads.map(async (waId) => {
        for (const message of advisorScript(waId).slice(0, STEPS)) {
          expect(await deliver(rig.app.url, webhookBody(waId, message))).toBe(200);
          // The next step once the bot has answered this one (or given up on it).
          await rig.settle(120_000);
        }
      }),
    );
    await rig.settle(180_000);
    expect(rig.stub.pendingFaults()).toBe(0);

    const outbound = (await Promise.all(leads.map((waId) => rig.messagesOf(waId))))
      .flat()
      .filter((m): m is OutboundMessage => m.direction === 'outbound');
    expect(outbound).toHaveLength(REPLIES);
    const accepted = new Set(rig.stub.sentMessages.map((m) => m.waMessageId));
    const sent = outbound.filter((m) => m.status === 'sent');
    const failed = outbound.filter((m) => m.status === 'failed');
    expect(sent.every((m) => m.waMessageId !== null && accepted.has(m.waMessageId))).toBe(true);
    expect(failed.map((m) => m.failure?.code)).toEqual(FAULTS.filter((f) => !f.retryable).map(() => '131026'));
    expect(failed.every((m) => m.failure?.title.startsWith('Message Undeliverable'))).toBe(true);
    // A refused or unanswered send never reached the lead: no reply arrived twice.
    expect(rig.stub.sentMessages).toHaveLength(sent.length);

    const sends = sendsAtStub(rig.stub);
    for (const [fault, gap] of retriesAfter(sends, FAULTS))
      expect(gap, `retry after ${fault.name}`).toBeGreaterThanOrEqual(fault.waitMs);
    expect(sends.length).toBeGreaterThan(3 * LIMIT);
    expect(shortestSpanOf(sends, LIMIT), `${LIMIT + 1} sends arrived within this many ms`).toBeGreaterThanOrEqual(
      1_000 - CLOCK_SLACK_MS,
    );
  }, 300_000);
});
