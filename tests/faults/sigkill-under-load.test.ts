import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { Json } from '../builders/meta-webhook-payloads.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import {
  REPLIES_AFTER,
  advisorScript,
  deliver,
  deliverUntilAcked,
  sentTo,
  waIdOf,
  webhookBody,
} from './support/meta-leads.ts';
import { MetaRig } from './support/meta-rig.ts';
import { FULL_SCALE, pause, scaled } from './support/scale.ts';

const LEADS = scaled(10, 30);
const leads = Array.from({ length: LEADS }, (_, i) => waIdOf(4, i));
const scripts = new Map(leads.map((waId) => [waId, advisorScript(waId)]));
const scriptOf = (waId: string): Json[] => scripts.get(waId) ?? [];

/**
 * Every lead plays its script. Half answer once the bot's last reply reached their phone; the other half
 * arrive later, in a wave, and type ahead without waiting, so the kill finds work in the inbox and the
 * outbox. The app is SIGKILLed once WhatsApp has taken `killAtSends` replies. Returns each lead's
 * acknowledged steps.
 */
const playUntilKilled = async (rig: MetaRig, killAtSends: number): Promise<Map<string, number>> => {
  const acked = new Map(leads.map((waId) => [waId, 0]));
  let killed = false;
  const killer = (async () => {
    while (rig.stub.sentMessages.length < killAtSends) await pause(5);
    killed = true;
    await rig.app.kill();
  })();
  await Promise.all(
    leads.map(async (waId, i) => {
      while (i % 2 === 1 && !killed && rig.stub.sentMessages.length < killAtSends / 2) await pause(5);
      for (const [step, message] of scriptOf(waId).entries()) {
        while (i % 2 === 0 && !killed && sentTo(rig.stub.sentMessages, waId).length < (REPLIES_AFTER[step] ?? 0))
          await pause(10);
        if (killed || (await deliver(rig.app.url, webhookBody(waId, message))) !== 200) return;
        acked.set(waId, step + 1);
      }
    }),
  );
  await killer;
  return acked;
};

const postgres = postgresForTests();

describe.skipIf(postgres === null)(
  'SIGKILL of the app while several leads write, then a restart on the same database',
  () => {
    let rig: MetaRig;
    beforeAll(async () => {
      rig = await MetaRig.start();
      await rig.spawn();
    }, 120_000);
    afterAll(async () => rig?.close());

    it('processes every acknowledged message exactly once and sends every reply, none lost or stuck', async () => {
      // A slowish WhatsApp keeps replies in flight and claimed when the kill comes, not just inbox entries.
      for (let n = 0; n < LEADS * 3; n++) rig.stub.delayNext(40, '/messages');
      const acked = await playUntilKilled(rig, Math.floor((LEADS * (REPLIES_AFTER[4] ?? 0)) / 2));
      expect(rig.app.child.signalCode).toBe('SIGKILL');
      const cut = await rig.counts();
      const [leasedAtKill] = await rig.sql<
        { n: number }[]
      >`select count(*)::int as n from messages where status = 'queued' and lease_until > now()`;
      // The kill must have cut work short, or this proves nothing about recovery.
      expect(cut.pendingInbox + cut.queuedOutbound).toBeGreaterThan(0);
      if (!FULL_SCALE) {
        // Replies the dead process had claimed wait for its lease (60 s) to run out; the reduced run
        // fast-forwards that clock instead of sleeping through it. The full run really waits.
        await rig.sql`update messages set lease_until = now() where status = 'queued' and lease_until > now()`;
      }

      await rig.spawn();
      // Meta redelivers what was not acknowledged; then each lead finishes its script.
      await Promise.all(
        leads.map(async (waId) => {
          for (const message of scriptOf(waId).slice(acked.get(waId) ?? 0))
            await deliverUntilAcked(() => rig.app.url, webhookBody(waId, message));
        }),
      );
      await rig.settle(scaled(60_000, 120_000));

      let resent = 0;
      const atStub = new Set(rig.stub.sentMessages.map((m) => m.waMessageId));
      for (const waId of leads) {
        const messages = await rig.messagesOf(waId);
        const inbound = messages.filter((m) => m.direction === 'inbound');
        const outbound = messages.filter((m): m is OutboundMessage => m.direction === 'outbound');
        expect(inbound.map((m) => m.waMessageId)).toEqual(scriptOf(waId).map((m) => m['id']));
        expect(outbound).toHaveLength(REPLIES_AFTER[4] ?? -1);
        for (const m of outbound) {
          if (m.status === 'failed') expect(m.failure?.code).toEqual(expect.any(String));
          else expect(m.status === 'sent' && m.waMessageId !== null && atStub.has(m.waMessageId)).toBe(true);
        }
        resent += sentTo(rig.stub.sentMessages, waId).length - outbound.length;
      }
      // Only a reply the killed process had claimed, and WhatsApp took before the process could record it,
      // may reach the lead twice (at least once, never lost): no more than were leased at the kill.
      expect(resent).toBeGreaterThanOrEqual(0);
      expect(resent).toBeLessThanOrEqual(leasedAtKill?.n ?? 0);
    }, 300_000);
  },
);
