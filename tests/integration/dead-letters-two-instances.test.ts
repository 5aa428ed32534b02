import { describe, expect, it } from 'vitest';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { Transaction } from '../../application/ports/unit-of-work.ts';
import type { InboundOutcome } from '../../application/steps/inbound-message.ts';
import {
  DEAD_LETTER_AFTER,
  type InboxHandlers,
  ProcessInbox,
  type ProcessedEntry,
} from '../../application/use-cases/process-inbox.ts';
import { ok } from '../../domain/shared/result.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { pause, usePostgresInstances } from './postgres-instances.ts';

const target = await openTestPostgres();
const SENDERS = 3;
const WORKERS = 6;
const senderPhone = (i: number) => `+5730077${String(i).padStart(5, '0')}`;

/**
 * Workers of two instances (two pools on one database) all taking the same failing entries. The count of
 * failures and the dead-letter decision live in the row (one UPDATE each), so they hold however the
 * workers interleave: each entry is dead-lettered once, after exactly `DEAD_LETTER_AFTER` recorded failures.
 */
describe.skipIf(target === null)('postgres: two instances failing the same inbox entries', () => {
  const { repos, uowOf } = usePostgresInstances(target);

  it("count every failure once and dead-letter each entry once, then handle the senders' next messages", async () => {
    for (let i = 0; i < SENDERS; i++) {
      const from = senderPhone(i);
      await repos().inbox.add(
        { kind: 'message', envelope: anEnvelope().withWaMessageId(`wamid.poison.${i}`).fromPhone(from).build() },
        1_000,
      );
      await repos().inbox.add(
        { kind: 'message', envelope: anEnvelope().withWaMessageId(`wamid.next.${i}`).fromPhone(from).build() },
        1_001,
      );
    }
    let now = 1_000_000;
    const clock = { now: () => now };
    const tries = new Map<string, number>();
    const handled: string[] = [];
    const inbound: InboxHandlers = {
      status: () => Promise.reject(new Error('not used here')),
      message: async (_tx: Transaction, envelope: InboundEnvelope) => {
        if (envelope.waMessageId.startsWith('wamid.poison')) {
          tries.set(envelope.waMessageId, (tries.get(envelope.waMessageId) ?? 0) + 1);
          await pause(Math.random() * 4);
          throw Object.assign(new Error('duplicate key value violates unique constraint'), {
            code: '23505',
            constraint_name: 'conversations_line_phone_unique',
          });
        }
        handled.push(envelope.waMessageId);
        return ok<InboundOutcome>({ kind: 'duplicate' });
      },
    };
    const reports: ProcessedEntry[] = [];
    const workers = Array.from(
      { length: WORKERS },
      (_, n) => new ProcessInbox(uowOf(n), clock, inbound, { report: (entry) => reports.push(entry) }),
    );

    await Promise.all(
      workers.map(async (worker) => {
        for (let rounds = 0; rounds < 2_000; rounds++) {
          if ((await worker.step()) !== null) continue;
          if ((await repos().inbox.pendingCount()) === 0) return;
          now += MINUTE_MS; // lets the back-off pass
          await pause(1);
        }
        throw new Error('the workers did not finish');
      }),
    );

    const deadLetters = await repos().deadLetters.list({ status: 'dead_lettered', after: null, limit: 10 });
    expect(deadLetters).toHaveLength(SENDERS);
    for (const letter of deadLetters) {
      expect(letter).toMatchObject({
        kind: 'message',
        attempts: DEAD_LETTER_AFTER,
        lastError: { code: 'sqlstate_23505' },
      });
    }
    const deadLettered = reports.filter((r) => r.outcome === 'dead_lettered');
    expect(deadLettered.map((r) => r.id).sort()).toEqual(deadLetters.map((d) => d.id).sort());
    // A try may start just after another worker's failed one rolled back and before it was recorded; its own
    // failure is still counted, unless the entry was set aside meanwhile (then it is dropped, not counted twice).
    for (const [wamid, count] of tries) {
      expect(count, wamid).toBeGreaterThanOrEqual(DEAD_LETTER_AFTER);
      expect(count, wamid).toBeLessThanOrEqual(DEAD_LETTER_AFTER + WORKERS - 1);
    }
    expect(handled.sort()).toEqual(Array.from({ length: SENDERS }, (_, i) => `wamid.next.${i}`).sort());
    expect(await repos().inbox.pendingCount()).toBe(0);
  }, 120_000);
});
