import type { Instant } from '../../domain/shared/time.ts';
import type { InboxEntry, InboxFailure } from './inbox-repository.ts';

export type DeadLetterStatus = 'dead_lettered' | 'discarded';

/** An inbox entry set aside after failing too often: what an admin needs to judge it, no personal data. */
export type DeadLetterSummary = {
  /** Its inbox id. */
  readonly id: number;
  readonly kind: InboxEntry['kind'];
  readonly receivedAt: Instant;
  readonly attempts: number;
  readonly lastError: InboxFailure;
  readonly deadLetteredAt: Instant;
  readonly discardedAt: Instant | null;
};

/**
 * One dead letter with what WhatsApp sent (phones, texts: for admins' eyes, one at a time); `entry` is `null` when
 * its stored payload cannot be read by this version (dead-lettered for that, `unreadable_entry`): it can still be
 * seen in the list, retried after an upgrade, or discarded.
 */
export type DeadLetter = DeadLetterSummary & { readonly entry: InboxEntry | null };

/** A place in the newest-first order: the last item of a page. */
export type DeadLetterPosition = { readonly deadLetteredAt: Instant; readonly id: number };

/** The inbox entries that were set aside, for admins. */
export interface DeadLetterRepository {
  /** Newest dead-lettering first (then highest id), those after `after`, at most `limit`. */
  list(query: {
    readonly status: DeadLetterStatus;
    readonly after: DeadLetterPosition | null;
    readonly limit: number;
  }): Promise<DeadLetterSummary[]>;
  /** `null` when `id` is not a dead letter (unknown, pending, processed or retried). */
  byId(id: number): Promise<DeadLetter | null>;
  /**
   * Puts a dead letter that was not discarded back into the inbox as if it had just arrived: a new arrival
   * position (behind every entry already there, its key's included), due at `now`, attempts and failures
   * reset. Returns its new inbox id, or `null` when `id` is not such a dead letter.
   */
  requeue(id: number, now: Instant): Promise<number | null>;
  /** Marks a dead letter discarded at `at` (kept for audit; a second discard keeps the first time); `null` when `id` is not a dead letter. */
  discard(id: number, at: Instant): Promise<DeadLetter | null>;
}
