import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { MessageId } from '../../domain/shared/ids.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import type { InboundEnvelope, StatusEnvelope } from './inbound.ts';

/** A file a lead sent, still to be copied from WhatsApp (ids expire after 7 days). */
export type MediaFetch = { readonly messageId: MessageId; readonly phoneNumberId: string; readonly waMediaId: string };
import type { Instant } from '../../domain/shared/time.ts';

/** What WhatsApp told us, stored before we acknowledge it. */
export type InboxEntry =
  | { readonly kind: 'message'; readonly envelope: InboundEnvelope }
  | { readonly kind: 'status'; readonly envelope: StatusEnvelope }
  /** A file to copy, as versions before the media queue (`MediaFetchQueue`) stored it: processing moves it there. */
  | { readonly kind: 'media'; readonly envelope: MediaFetch };

export type InboxItem = {
  readonly id: number;
  readonly entry: InboxEntry;
  readonly receivedAt: Instant;
  /** Tries so far, waits included. */
  readonly attempts: number;
  /** Tries that failed (threw) so far. */
  readonly failures: number;
};

/** A claimed entry without its payload: what is known of an entry whose payload cannot be read. */
export type ClaimedEntry = Omit<InboxItem, 'entry'> & { readonly kind: InboxEntry['kind'] };

/**
 * Thrown by `claimNext` for the entry it claimed when its stored payload cannot be read (written by a newer
 * version of the app, or damaged): it fails like any processing would, and is retried, then dead-lettered.
 * The message names what broke, never a value.
 */
export class UnreadableInboxEntry extends Error {
  override readonly name = 'UnreadableInboxEntry';

  constructor(
    readonly entry: ClaimedEntry,
    reason: string,
    options?: { readonly cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** What is kept of a failed try: a stable code and a short reason, never personal data. */
export type InboxFailure = { readonly code: string; readonly reason: string };

export type FailureRecorded = { readonly attempts: number; readonly failures: number; readonly deadLettered: boolean };

/**
 * The inbox: raw inbound events, deduplicated, processed per conversation in arrival order.
 * An entry's ordering key is its line and sender for messages (the lead), its Meta message id for
 * statuses, its message for file downloads.
 */
export interface InboxRepository {
  /** Stores an entry; `false` (nothing stored) when its Meta id was already stored. */
  add(entry: InboxEntry, receivedAt: Instant): Promise<boolean>;
  /** The stored message with this Meta id (processed or not), `null` when none. */
  messageEnvelope(waMessageId: WaMessageId): Promise<InboundEnvelope | null>;
  /**
   * Rewrites a stored message's envelope (same Meta id) to take personal data out of it, e.g. the email of a
   * lead who declined consent; nothing else of the entry changes. Does nothing when no such message is stored.
   */
  redactMessage(envelope: InboundEnvelope): Promise<void>;
  /**
   * Claims, until the transaction ends, the oldest unprocessed entry that is due at `now` and is the
   * first unprocessed one of its ordering key, skipping keys another transaction holds; `null` when none.
   * Throws `UnreadableInboxEntry` when the claimed entry's payload cannot be read.
   */
  claimNext(now: Instant): Promise<InboxItem | null>;
  markProcessed(id: number, at: Instant): Promise<void>;
  /** Records a try that must wait (a file not handed over yet, a receipt's message unknown); the entry and the rest of its key wait until `retryAt`. */
  deferAfterFailure(id: number, error: string, retryAt: Instant): Promise<void>;
  /**
   * Records a failed try of a pending entry, counted by the store itself so that the tries of several
   * workers all count. The `deadLetterAfter`-th failure makes it a dead letter at `at`: it leaves the queue
   * and the rest of its key goes on. Before that, it and the rest of its key wait until `retryAt`.
   * `null` (nothing recorded) when the entry is no longer pending.
   */
  recordFailure(
    id: number,
    failure: InboxFailure,
    times: { readonly at: Instant; readonly retryAt: Instant },
    deadLetterAfter: number,
  ): Promise<FailureRecorded | null>;
  /** How many entries wait (for readiness and benchmarks); dead letters do not. */
  pendingCount(): Promise<number>;
}

/**
 * The key that orders inbox entries: one WhatsApp user on one line, or one sent message's receipts. A user
 * is keyed by their business-scoped user id when Meta sends one, since it stays when the number changes:
 * messages from a user's old and new phones are handled in arrival order, never side by side.
 */
export const orderingKey = (entry: InboxEntry): string => {
  switch (entry.kind) {
    case 'message':
      return `msg:${entry.envelope.phoneNumberId}:${entry.envelope.from.userId ?? entry.envelope.from.phone ?? ''}`;
    case 'status':
      return `status:${entry.envelope.waMessageId}`;
    case 'media':
      return `media:${entry.envelope.messageId}`;
  }
};

/** Every ordering key a WhatsApp user's messages to a line may be queued under (`orderingKey`: user id, else phone). */
export const messageKeysOf = (phoneNumberId: string, identity: WaIdentity): string[] =>
  [identity.userId, identity.phone].flatMap((v) => (v === null ? [] : [`msg:${phoneNumberId}:${v}`]));

/** Meta's id for the entry: a message's wamid, or the wamid plus the status for a receipt. */
export const inboxWaId = (entry: InboxEntry): string => {
  switch (entry.kind) {
    case 'message':
      return entry.envelope.waMessageId;
    case 'status':
      return `${entry.envelope.waMessageId}:${entry.envelope.status}`;
    case 'media':
      return `media:${entry.envelope.waMediaId}`;
  }
};
