import type { MediaFetch } from '../../application/ports/inbox-repository.ts';
import type { ClaimedMediaFetch, MediaFetchQueue } from '../../application/ports/media-fetch-queue.ts';
import type { MessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryMediaFetchQueue implements MediaFetchQueue {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async add(fetch: MediaFetch, at: Instant): Promise<void> {
    const { mediaFetches } = this.#store.data;
    if (mediaFetches.has(fetch.messageId)) return;
    mediaFetches.set(fetch.messageId, {
      fetch: copy(fetch),
      receivedAt: at,
      attempts: 0,
      nextAttemptAt: at,
      lease: null,
      leasedUntil: null,
      lastError: null,
    });
  }

  async claimNext(now: Instant, lease: string, leaseUntil: Instant): Promise<ClaimedMediaFetch | null> {
    let next: { key: MessageId; due: Instant } | null = null;
    for (const [key, row] of this.#store.data.mediaFetches) {
      const free = row.leasedUntil === null || row.leasedUntil <= now;
      if (free && row.nextAttemptAt <= now && (next === null || row.nextAttemptAt < next.due))
        next = { key, due: row.nextAttemptAt };
    }
    const row = next === null ? undefined : this.#store.data.mediaFetches.get(next.key);
    if (row === undefined) return null;
    row.lease = lease;
    row.leasedUntil = leaseUntil;
    return { fetch: copy(row.fetch), receivedAt: row.receivedAt, attempts: row.attempts, lease };
  }

  async complete(messageId: MessageId, lease: string): Promise<boolean> {
    if (this.#store.data.mediaFetches.get(messageId)?.lease !== lease) return false;
    this.#store.data.mediaFetches.delete(messageId);
    return true;
  }

  async retryLater(messageId: MessageId, lease: string, error: string, retryAt: Instant): Promise<boolean> {
    const row = this.#store.data.mediaFetches.get(messageId);
    if (row?.lease !== lease) return false;
    row.attempts += 1;
    row.lastError = error;
    row.nextAttemptAt = retryAt;
    row.lease = null;
    row.leasedUntil = null;
    return true;
  }

  async pendingCount(): Promise<number> {
    return this.#store.data.mediaFetches.size;
  }
}
