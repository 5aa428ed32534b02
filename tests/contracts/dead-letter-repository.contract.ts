import { describe, expect, it } from 'vitest';
import type { InboxEntry, InboxRepository } from '../../application/ports/inbox-repository.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const LEAD = '+573001000001';
const message = (wamid: string, from = LEAD): InboxEntry => ({
  kind: 'message',
  envelope: anEnvelope().withWaMessageId(wamid).fromPhone(from).saying('Quiero información del proyecto').build(),
});
const failure = { code: 'conflict', reason: 'Conflict on conversation' };

/** Adds an entry and fails it once with a bound of one: a dead letter at `at`. */
const deadLetter = async (inbox: InboxRepository, entry: InboxEntry, at: number): Promise<number> => {
  await inbox.add(entry, at - 5);
  const claimed = await inbox.claimNext(at);
  if (claimed === null) throw new Error('nothing to claim');
  await inbox.recordFailure(claimed.id, failure, { at, retryAt: at + 1_000 }, 1);
  return claimed.id;
};

export const deadLetterRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: DeadLetterRepository`, () => {
    const subject = useSubject(open);
    const repos = () => subject().repos;

    it('lists dead letters newest first, a page at a time, without what the lead wrote', async () => {
      const ids = [];
      for (const [i, at] of [100, 300, 200, 300].entries())
        ids.push(await deadLetter(repos().inbox, message(`wamid.${i}`, `+57300100000${i}`), at));
      await repos().inbox.add(message('wamid.pending'), 50);

      const first = await repos().deadLetters.list({ status: 'dead_lettered', after: null, limit: 2 });
      expect(first.map((d) => d.id)).toEqual([ids[3], ids[1]]);
      const last = first.at(-1);
      const rest = await repos().deadLetters.list({
        status: 'dead_lettered',
        after: { deadLetteredAt: last?.deadLetteredAt ?? 0, id: last?.id ?? 0 },
        limit: 2,
      });
      expect(rest.map((d) => d.id)).toEqual([ids[2], ids[0]]);
      expect(first[0]).toEqual({
        id: ids[3],
        kind: 'message',
        receivedAt: 295,
        attempts: 1,
        lastError: failure,
        deadLetteredAt: 300,
        discardedAt: null,
      });
      expect(JSON.stringify([...first, ...rest])).not.toMatch(/573001|Quiero/);
    });

    it('shows one dead letter with its entry; anything else is not one', async () => {
      const id = await deadLetter(repos().inbox, message('wamid.dead'), 100);
      await repos().inbox.add(message('wamid.pending', '+573001000009'), 100);
      const pending = await repos().inbox.claimNext(200);

      expect(await repos().deadLetters.byId(id)).toMatchObject({ id, kind: 'message', entry: message('wamid.dead') });
      expect(await repos().deadLetters.byId(pending?.id ?? -1)).toBeNull();
      expect(await repos().deadLetters.byId(987_654)).toBeNull();
    });

    it('puts a retried dead letter back behind everything already queued, due at once, its counts reset', async () => {
      const id = await deadLetter(repos().inbox, message('wamid.first'), 100);
      await repos().inbox.add(message('wamid.second'), 150);

      const requeued = await repos().deadLetters.requeue(id, 500);

      expect(requeued).toBeGreaterThan(id);
      expect(await repos().deadLetters.byId(id)).toBeNull();
      expect(await repos().deadLetters.list({ status: 'dead_lettered', after: null, limit: 10 })).toEqual([]);
      const second = await repos().inbox.claimNext(500);
      expect(second?.entry).toMatchObject({ envelope: { waMessageId: 'wamid.second' } });
      await repos().inbox.markProcessed(second?.id ?? -1, 500);
      expect(await repos().inbox.claimNext(500)).toEqual({
        id: requeued,
        entry: message('wamid.first'),
        receivedAt: 95,
        attempts: 0,
        failures: 0,
      });
      // Still Meta's message: a redelivered webhook is still a duplicate.
      expect(await repos().inbox.add(message('wamid.first'), 600)).toBe(false);
      expect(await repos().deadLetters.requeue(id, 600)).toBeNull();
    });

    it('keeps a discarded dead letter for audit, listed apart, once, and never retried', async () => {
      const id = await deadLetter(repos().inbox, message('wamid.dead'), 100);

      expect(await repos().deadLetters.discard(id, 200)).toMatchObject({ id, discardedAt: 200 });
      expect(await repos().deadLetters.discard(id, 300)).toMatchObject({ id, discardedAt: 200 });

      expect(await repos().deadLetters.list({ status: 'dead_lettered', after: null, limit: 10 })).toEqual([]);
      expect(
        (await repos().deadLetters.list({ status: 'discarded', after: null, limit: 10 })).map((d) => d.id),
      ).toEqual([id]);
      expect(await repos().deadLetters.requeue(id, 400)).toBeNull();
      expect(await repos().deadLetters.discard(987_654, 400)).toBeNull();
      expect(await repos().inbox.pendingCount()).toBe(0);
    });
  });
