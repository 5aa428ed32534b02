import { describe, expect, it } from 'vitest';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { Transaction, UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { InboundOutcome } from '../../application/steps/inbound-message.ts';
import { ProcessInbox } from '../../application/use-cases/process-inbox.ts';
import { ok } from '../../domain/shared/result.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { groupBy, pause, usePostgresInstances } from './postgres-instances.ts';

const target = await openTestPostgres();
const LEADS = 6;
const MESSAGES_PER_LEAD = 4;
const WORKERS = 3;
const leadPhone = (i: number) => `+5730088${String(i).padStart(5, '0')}`;
const wamid = (lead: number, n: number) => `wamid.drain.${lead}.${n}`;

/** A bot turn that waits on the database for a while, counting the turns in progress. */
const slowInbound = () => {
  const handled: InboundEnvelope[] = [];
  let inFlight = 0;
  let most = 0;
  return {
    handled,
    mostAtOnce: () => most,
    status: () => Promise.reject(new Error('not used here')),
    message: async (_tx: Transaction, envelope: InboundEnvelope) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await pause(15);
      handled.push(envelope);
      inFlight -= 1;
      return ok<InboundOutcome>({ kind: 'duplicate' });
    },
  };
};

/**
 * One drain with several workers on PostgreSQL: the inbox's claim keeps each lead's entries in one worker's
 * hands, so leads are answered side by side and each lead's messages still in the order they arrived.
 */
describe.skipIf(target === null)('postgres: one inbox drain with several workers', () => {
  const { repos, uowOf } = usePostgresInstances(target);

  const queueMessages = async () => {
    for (let n = 0; n < MESSAGES_PER_LEAD; n++) {
      for (let i = 0; i < LEADS; i++) {
        const envelope = anEnvelope().withWaMessageId(wamid(i, n)).fromPhone(leadPhone(i)).build();
        await repos().inbox.add({ kind: 'message', envelope }, 1_000 + n);
      }
    }
  };

  it("processes several leads at once, each lead's messages in order, every entry once", async () => {
    await queueMessages();
    const inbound = slowInbound();
    const worker = new ProcessInbox(uowOf(0), { now: () => 1_000_000 }, inbound, {
      workers: WORKERS,
    });

    const processed = await worker.drain();

    expect(processed).toBe(LEADS * MESSAGES_PER_LEAD);
    expect(inbound.mostAtOnce()).toBeGreaterThan(1);
    expect(inbound.mostAtOnce()).toBeLessThanOrEqual(WORKERS);
    const byLead = groupBy(inbound.handled, (envelope) => envelope.from.phone ?? '');
    expect(byLead).toHaveLength(LEADS);
    for (const messages of byLead) {
      const lead = Number(messages[0]?.from.phone?.slice(-5));
      expect(messages.map((m) => m.waMessageId)).toEqual(
        Array.from({ length: MESSAGES_PER_LEAD }, (_, n) => wamid(lead, n)),
      );
    }
    expect(await repos().inbox.pendingCount()).toBe(0);
  }, 60_000);

  it('one worker at a time by default', async () => {
    await queueMessages();
    const inbound = slowInbound();
    const worker = new ProcessInbox(uowOf(0), { now: () => 1_000_000 }, inbound);

    expect(await worker.drain()).toBe(LEADS * MESSAGES_PER_LEAD);
    expect(inbound.mostAtOnce()).toBe(1);
  }, 60_000);

  it('ends with the error when the database fails under one worker, after the others put down the entry in hand', async () => {
    await queueMessages();
    const inbound = slowInbound();
    const real = uowOf(0);
    let transactions = 0;
    const failing: UnitOfWork = {
      transaction: (work) => {
        transactions += 1;
        return transactions === 4 ? Promise.reject(new Error('connection terminated')) : real.transaction(work);
      },
      single: (work) => real.single(work),
    };
    const worker = new ProcessInbox(failing, { now: () => 1_000_000 }, inbound, { workers: WORKERS });

    await expect(worker.drain()).rejects.toThrow('connection terminated');

    // Nothing was lost: what was handled is marked done, the rest is still waiting, and a new drain finishes it.
    const left = await repos().inbox.pendingCount();
    expect(left).toBe(LEADS * MESSAGES_PER_LEAD - inbound.handled.length);
    expect(left).toBeGreaterThan(0);
    const again = new ProcessInbox(real, { now: () => 1_000_000 }, inbound, { workers: WORKERS });
    expect(await again.drain()).toBe(left);
    expect(new Set(inbound.handled.map((m) => m.waMessageId)).size).toBe(LEADS * MESSAGES_PER_LEAD);
    expect(await repos().inbox.pendingCount()).toBe(0);
  }, 60_000);
});
