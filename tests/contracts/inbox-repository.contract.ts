import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../application/ports/inbox-repository.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const message = (wamid: string, from: string): InboxEntry => ({
  kind: 'message',
  envelope: anEnvelope().withWaMessageId(wamid).fromPhone(from).build(),
});

const receipt = (wamid: string, status: 'sent' | 'delivered' | 'read'): InboxEntry => ({
  kind: 'status',
  envelope: { waMessageId: asId<WaMessageId>(wamid), status, at: 1_000, failure: null },
});

export const inboxRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: InboxRepository`, () => {
    const subject = useSubject(open);

    it('stores an entry once per Meta id: a redelivered webhook adds nothing', async () => {
      expect(await subject().repos.inbox.add(message('wamid.1', '+573001000001'), 10)).toBe(true);
      expect(await subject().repos.inbox.add(message('wamid.1', '+573001000001'), 20)).toBe(false);
      expect(await subject().repos.inbox.add(receipt('wamid.out.1', 'delivered'), 30)).toBe(true);
      expect(await subject().repos.inbox.add(receipt('wamid.out.1', 'read'), 40)).toBe(true);
      expect(await subject().repos.inbox.add(receipt('wamid.out.1', 'read'), 50)).toBe(false);
      expect(await subject().repos.inbox.pendingCount()).toBe(3);
    });

    it('hands a quoted reply back with the id of the message it answers', async () => {
      const envelope = anEnvelope().withWaMessageId('wamid.q1').fromPhone('+573001000009').build();
      const quoted: InboxEntry = {
        kind: 'message',
        envelope: { ...envelope, replyTo: asId<WaMessageId>('wamid.bot.7') },
      };
      await subject().repos.inbox.add(quoted, 10);
      expect((await subject().repos.inbox.claimNext(10))?.entry).toEqual(quoted);
    });

    it('hands out entries in arrival order, the next of a lead only once the previous one is done', async () => {
      const { inbox } = subject().repos;
      await inbox.add(message('wamid.a1', '+573001000001'), 10);
      await inbox.add(message('wamid.a2', '+573001000001'), 11);
      await inbox.add(message('wamid.b1', '+573001000002'), 12);

      const first = await inbox.claimNext(100);
      expect(first?.entry).toMatchObject({ envelope: { waMessageId: 'wamid.a1' } });
      expect(first?.receivedAt).toBe(10);
      await inbox.markProcessed(first?.id ?? -1, 100);
      const second = await inbox.claimNext(100);
      expect(second?.entry).toMatchObject({ envelope: { waMessageId: 'wamid.a2' } });
      await inbox.markProcessed(second?.id ?? -1, 100);
      expect((await inbox.claimNext(100))?.entry).toMatchObject({ envelope: { waMessageId: 'wamid.b1' } });
    });

    it('keeps a failed entry, and the rest of its lead, waiting until the retry time', async () => {
      const { inbox } = subject().repos;
      await inbox.add(message('wamid.a1', '+573001000001'), 10);
      await inbox.add(message('wamid.a2', '+573001000001'), 11);
      await inbox.add(message('wamid.b1', '+573001000002'), 12);
      const failing = await inbox.claimNext(100);
      await inbox.deferAfterFailure(failing?.id ?? -1, 'database went away', 500);

      expect((await inbox.claimNext(100))?.entry).toMatchObject({ envelope: { waMessageId: 'wamid.b1' } });
      const retried = await inbox.claimNext(500);
      expect(retried).toMatchObject({ id: failing?.id, attempts: 1, entry: { envelope: { waMessageId: 'wamid.a1' } } });
    });

    it('orders receipts per sent message, apart from the leads', async () => {
      const { inbox } = subject().repos;
      await inbox.add(receipt('wamid.out.1', 'delivered'), 10);
      await inbox.add(message('wamid.a1', '+573001000001'), 11);
      const first = await inbox.claimNext(100);
      await inbox.deferAfterFailure(first?.id ?? -1, 'message not known yet', 1_000);
      expect((await inbox.claimNext(100))?.entry).toMatchObject({ kind: 'message' });
    });

    it('forgets nothing: an entry stays pending until marked processed', async () => {
      await subject().repos.inbox.add(message('wamid.a1', '+573001000001'), 10);
      await subject().repos.inbox.claimNext(100);
      expect(await subject().repos.inbox.pendingCount()).toBe(1);
      expect(await subject().repos.inbox.claimNext(100)).not.toBeNull();
    });

    it('counts failed tries and, at the bound, sets the entry aside so the rest of its lead goes on', async () => {
      const { inbox } = subject().repos;
      await inbox.add(message('wamid.a1', '+573001000001'), 10);
      await inbox.add(message('wamid.a2', '+573001000001'), 11);
      const failure = { code: 'sqlstate_23505', reason: 'Database error 23505 on conversations_line_phone_unique' };
      const first = await inbox.claimNext(100);
      expect(await inbox.recordFailure(first?.id ?? -1, failure, { at: 100, retryAt: 200 }, 3)).toEqual({
        attempts: 1,
        failures: 1,
        deadLettered: false,
      });
      await inbox.deferAfterFailure(first?.id ?? -1, 'media download failed', 300);
      expect(await inbox.claimNext(250)).toBeNull();
      expect(await inbox.claimNext(300)).toMatchObject({ id: first?.id, attempts: 2, failures: 1 });
      expect(await inbox.recordFailure(first?.id ?? -1, failure, { at: 300, retryAt: 400 }, 3)).toEqual({
        attempts: 3,
        failures: 2,
        deadLettered: false,
      });

      expect(await inbox.recordFailure(first?.id ?? -1, failure, { at: 400, retryAt: 800 }, 3)).toEqual({
        attempts: 4,
        failures: 3,
        deadLettered: true,
      });

      expect((await inbox.claimNext(400))?.entry).toMatchObject({ envelope: { waMessageId: 'wamid.a2' } });
      expect(await inbox.pendingCount()).toBe(1);
      expect(await subject().repos.deadLetters.byId(first?.id ?? -1)).toMatchObject({
        attempts: 4,
        lastError: failure,
        deadLetteredAt: 400,
        discardedAt: null,
      });
      // A worker reporting late on an entry already set aside changes nothing.
      expect(await inbox.recordFailure(first?.id ?? -1, failure, { at: 500, retryAt: 900 }, 3)).toBeNull();
      expect(await subject().repos.deadLetters.byId(first?.id ?? -1)).toMatchObject({
        attempts: 4,
        deadLetteredAt: 400,
      });
    });

    it('rolls a claim and its processing back with the transaction', async () => {
      await subject().repos.inbox.add(message('wamid.a1', '+573001000001'), 10);
      await expect(
        subject().uow.transaction(async (repos) => {
          const item = await repos.inbox.claimNext(100);
          await repos.inbox.markProcessed(item?.id ?? -1, 100);
          throw new Error('crash while processing');
        }),
      ).rejects.toThrow('crash while processing');
      expect(await subject().repos.inbox.pendingCount()).toBe(1);
    });
  });
