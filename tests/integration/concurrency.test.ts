import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../adapters/persistence/database.ts';
import { orderingKey } from '../../application/ports/inbox-repository.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { anOutboundMessage } from '../builders/outbound-message-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { groupBy, pause, usePostgresInstances } from './postgres-instances.ts';

const NOW = 1_000_000;
const target = await openTestPostgres();

/** Workers of two app instances draining the inbox and the outbox of one PostgreSQL database. */
describe.skipIf(target === null)('postgres: two instances claiming work', () => {
  const { repos, uowOf } = usePostgresInstances(target);

  it('never hands out one inbox entry twice, nor two entries of one lead at once, and keeps each lead in order', async () => {
    // Fewer leads than workers: a worker that could take a lead's next entry early would.
    const leads = 5;
    const perLead = 20;
    for (let round = 0; round < perLead; round++) {
      for (let lead = 0; lead < leads; lead++) {
        const envelope = anEnvelope()
          .withWaMessageId(`wamid.${lead}.${round}`)
          .fromPhone(`+5730010${String(lead).padStart(5, '0')}`)
          .build();
        await repos().inbox.add({ kind: 'message', envelope }, NOW);
      }
    }
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const processed: { id: number; key: string }[] = [];

    const worker = async (n: number): Promise<void> => {
      for (;;) {
        const item = await uowOf(n).transaction(async (tx) => {
          const claimed = await tx.inbox.claimNext(NOW);
          if (claimed === null) return null;
          const key = orderingKey(claimed.entry);
          if (inFlight.has(key)) overlaps.push(key);
          inFlight.add(key);
          await pause(Math.random() * 3);
          await tx.inbox.markProcessed(claimed.id, NOW);
          processed.push({ id: claimed.id, key });
          // Left before the commit, while the row is still locked: a later claim of the key cannot have started.
          inFlight.delete(key);
          return claimed;
        });
        if (item !== null) continue;
        if ((await repos().inbox.pendingCount()) === 0) return;
        await pause(2);
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, n) => worker(n)));

    expect(overlaps).toEqual([]);
    expect(processed).toHaveLength(leads * perLead);
    expect(new Set(processed.map((p) => p.id)).size).toBe(leads * perLead);
    for (const entries of groupBy(processed, (p) => p.key)) {
      const ids = entries.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it('sends each queued outbound message once, one at a time and in order per conversation', async () => {
    const conversations = 4;
    for (let i = 0; i < 50; i++) {
      await repos().messages.saveOutbound(
        anOutboundMessage()
          .withId(`out-${i}`)
          .inConversation(`c-${i % conversations}`)
          .createdAt(i)
          .build(),
      );
    }
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const sent: { id: string; conversation: string; createdAt: number }[] = [];

    const sender = async (n: number): Promise<void> => {
      for (;;) {
        const claimed = await uowOf(n).transaction((tx) => tx.messages.claimDueOutbound(NOW, 3, NOW + 60_000));
        if (claimed.length === 0) {
          if (sent.length >= 50) return;
          await pause(2);
          continue;
        }
        for (const m of claimed) {
          if (inFlight.has(m.conversationId)) overlaps.push(m.conversationId);
          inFlight.add(m.conversationId);
          await pause(Math.random() * 3);
          sent.push({ id: m.id, conversation: m.conversationId, createdAt: m.createdAt });
          inFlight.delete(m.conversationId);
          const accepted = {
            ...m,
            status: 'sent' as const,
            waMessageId: asId<WaMessageId>(`wamid.${m.id}`),
            attempts: 1,
          };
          await uowOf(n).transaction((tx) => tx.messages.saveOutbound(accepted));
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => sender(n)));

    expect(overlaps).toEqual([]);
    expect(new Set(sent.map((s) => s.id)).size).toBe(50);
    expect(sent).toHaveLength(50);
    for (const messages of groupBy(sent, (s) => s.conversation)) {
      expect(messages.map((m) => m.createdAt)).toEqual(messages.map((m) => m.createdAt).sort((a, b) => a - b));
    }
  });

  it('lets two instances booting at once on an empty database migrate it once', async () => {
    const empty = await (target ?? { emptyDatabase: () => Promise.reject(new Error('no postgres')) }).emptyDatabase();
    try {
      const booted = await Promise.all([openPostgres(empty.url), openPostgres(empty.url)]);
      expect(await Promise.all(booted.map((b) => b.ping()))).toEqual([true, true]);
      await Promise.all(booted.map((b) => b.close()));
    } finally {
      await empty.drop();
    }
  });
});
