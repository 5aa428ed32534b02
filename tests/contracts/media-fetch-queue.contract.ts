import { describe, expect, it } from 'vitest';
import type { MediaFetch } from '../../application/ports/inbox-repository.ts';
import { asId, type MessageId } from '../../domain/shared/ids.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const file = (n: number): MediaFetch => ({
  messageId: asId<MessageId>(`msg_${n}`),
  phoneNumberId: '1055500001',
  waMediaId: `wa-media-${n}`,
});

const T = 1_800_000_000_000;

export const mediaFetchQueueContract = (name: string, open: OpenSubject) =>
  describe(`${name}: MediaFetchQueue`, () => {
    const subject = useSubject(open);

    it('queues a file once per message and hands the longest-waiting due one out first', async () => {
      const queue = subject().repos.mediaFetches;
      await queue.add(file(2), T + 20);
      await queue.add(file(1), T + 10);
      await queue.add(file(1), T + 30);
      expect(await queue.pendingCount()).toBe(2);

      expect(await queue.claimNext(T, 'lease-a', T + 60_000)).toBeNull();
      const first = await queue.claimNext(T + 100, 'lease-a', T + 60_000);
      expect(first).toEqual({ fetch: file(1), receivedAt: T + 10, attempts: 0, lease: 'lease-a' });
      expect((await queue.claimNext(T + 100, 'lease-b', T + 60_000))?.fetch).toEqual(file(2));
    });

    it('holds a leased file from every other worker until the lease runs out, then lets one take it up', async () => {
      const queue = subject().repos.mediaFetches;
      await queue.add(file(1), T);
      expect((await queue.claimNext(T + 1, 'lease-a', T + 1_000))?.lease).toBe('lease-a');
      expect(await queue.claimNext(T + 999, 'lease-b', T + 2_000)).toBeNull();

      // The worker holding it died: its lease runs out, and the file is taken up again.
      expect((await queue.claimNext(T + 1_000, 'lease-b', T + 2_000))?.lease).toBe('lease-b');
      expect(await queue.complete(file(1).messageId, 'lease-a')).toBe(false);
      expect(await queue.retryLater(file(1).messageId, 'lease-a', 'media download failed: 503', T)).toBe(false);
      expect(await queue.pendingCount()).toBe(1);
      expect(await queue.complete(file(1).messageId, 'lease-b')).toBe(true);
      expect(await queue.pendingCount()).toBe(0);
    });

    it('gives a file back for later after a try without it, counting the try', async () => {
      const queue = subject().repos.mediaFetches;
      await queue.add(file(1), T);
      await queue.claimNext(T + 1, 'lease-a', T + 60_000);
      expect(await queue.retryLater(file(1).messageId, 'lease-a', 'media download failed: 503', T + 5_000)).toBe(true);

      expect(await queue.claimNext(T + 4_999, 'lease-b', T + 60_000)).toBeNull();
      const again = await queue.claimNext(T + 5_000, 'lease-b', T + 60_000);
      expect(again).toEqual({ fetch: file(1), receivedAt: T, attempts: 1, lease: 'lease-b' });
    });

    it('queues a file with its message: a transaction that rolls back queues nothing', async () => {
      const { uow } = subject();
      await expect(
        uow.transaction(async (repos) => {
          await repos.mediaFetches.add(file(1), T);
          throw new Error('processing failed');
        }),
      ).rejects.toThrow('processing failed');
      await uow.transaction((repos) => repos.mediaFetches.add(file(2), T));
      expect(await subject().repos.mediaFetches.pendingCount()).toBe(1);
      expect((await subject().repos.mediaFetches.claimNext(T, 'lease-a', T + 1))?.fetch).toEqual(file(2));
    });
  });
