import type { Branded, MessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { MediaFetch } from './inbox-repository.ts';

/** Who holds a file being copied: unique across instances (`IdGenerator`'s `lease`). */
export type MediaLease = Branded<string, 'MediaLease'>;

/** A file claimed for copying: what to fetch, since when it waits, and the lease that holds it. */
export type ClaimedMediaFetch = {
  readonly fetch: MediaFetch;
  /** When the lead's message arrived: WhatsApp keeps the file 7 days from about then. */
  readonly receivedAt: Instant;
  /** Tries that ended without the file so far. */
  readonly attempts: number;
  readonly lease: string;
};

/**
 * Files leads sent that are still to be copied from WhatsApp ("media pending"), one per message. A file is
 * queued in the transaction that records its message; the copying itself runs outside any transaction,
 * holding the file by a lease that the store keeps, so two workers (processes) never fetch it at once.
 */
export interface MediaFetchQueue {
  /** Queues the file, due at `at`; nothing when its message is queued already. */
  add(fetch: MediaFetch, at: Instant): Promise<void>;
  /**
   * Leases the longest-waiting file that is due at `now` and held by no live lease (none, or one expired:
   * its worker died) to `lease` until `leaseUntil`, in one atomic step; `null` when none.
   */
  claimNext(now: Instant, lease: string, leaseUntil: Instant): Promise<ClaimedMediaFetch | null>;
  /** Takes the file off the queue (copied, or unavailable for good); `false`, changing nothing, when `lease` no longer holds it. */
  complete(messageId: MessageId, lease: string): Promise<boolean>;
  /** Gives the lease back after a try without the file: counted, with a short reason, and due again at `retryAt`. `false` when `lease` no longer holds it. */
  retryLater(messageId: MessageId, lease: string, error: string, retryAt: Instant): Promise<boolean>;
  /** How many files wait to be copied (leased ones included). */
  pendingCount(): Promise<number>;
}
