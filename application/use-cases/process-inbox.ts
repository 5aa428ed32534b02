import { retryDelay, type RetryPolicy } from '../../domain/messaging/retry.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import { type ClaimedEntry, type InboxEntry, type InboxItem, UnreadableInboxEntry } from '../ports/inbox-repository.ts';
import type { InboundEnvelope, StatusEnvelope } from '../ports/inbound.ts';
import type { Transaction, UnitOfWork } from '../ports/unit-of-work.ts';
import { recordDeliveryStatus, type UnknownMessage } from '../steps/delivery-status.ts';
import {
  type InboundMessageDeps,
  type InboundOutcome,
  takeInboundMessage,
  type UnknownLine,
} from '../steps/inbound-message.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { TypingFor } from './show-typing.ts';
import { DrainGuard } from './drain-guard.ts';
import { inboxFailureOf } from './inbox-failure.ts';
import { type QuoteDrafts, withQuoteDrafts } from './quote-drafts.ts';

export type InboxOutcome =
  | 'handled'
  | 'duplicate'
  | 'unknown_line'
  /** A receipt for a message whose Meta id we have not stored yet (its send may still be recording it). */
  | 'receipt_waiting'
  | 'receipt_dropped'
  /** A file to copy, queued before files had a queue of their own: moved there (`FetchInboundMedia` copies it). */
  | 'media_queued'
  /** Processing threw; tried again after a pause. */
  | 'failed'
  /** Processing threw once too often: set aside for an admin, and the rest of its key goes on. */
  | 'dead_lettered';

export type ProcessedEntry = {
  readonly id: number;
  readonly kind: InboxEntry['kind'];
  readonly outcome: InboxOutcome;
  /** Processing queued a file to copy (a lead's photo, document, voice note): the media lane has work. */
  readonly filesQueued?: true;
  /** The bot queued replies to this message: "escribiendo…" may show until they leave (see `ShowTyping`). */
  readonly typing?: TypingFor;
  /** With `failed` and `dead_lettered`: tries so far, the failure's code and its short reason (no personal data). */
  readonly attempts?: number;
  readonly errorCode?: string;
  readonly error?: string;
};

export type ProcessInboxOptions = {
  /** Told about every entry taken, after its outcome is stored (e.g. to log failures and dead letters). */
  readonly report?: (entry: ProcessedEntry) => void;
  /**
   * Entries processed at once by one drain, each a lead of its own (the claim keeps a lead's entries in one
   * worker's hands, in order); 1 by default. A bot turn waits on the database most of its time, so a few at once
   * answer a busy line faster (measured: see `INBOX_WORKERS`). More workers start only while the ones running keep
   * finding work.
   */
  readonly workers?: number;
};

/** What the inbox worker does with each kind of entry, inside the transaction that marks it done. */
export type InboxHandlers = {
  readonly message: (
    tx: Transaction,
    envelope: InboundEnvelope,
    drafts: QuoteDrafts,
  ) => Promise<Result<InboundOutcome, UnknownLine>>;
  readonly status: (tx: Transaction, envelope: StatusEnvelope) => Promise<Result<unknown, UnknownMessage>>;
};

/** The handlers production runs: the inbound message (and its bot turn) and the delivery receipt. */
export const inboxHandlers = (deps: InboundMessageDeps): InboxHandlers => ({
  message: (tx, envelope, drafts) => takeInboundMessage(tx, deps, envelope, drafts),
  status: recordDeliveryStatus,
});

/**
 * An entry whose processing throws this many times becomes a dead letter: a bug or a bad payload must not
 * hold its sender's later messages for ever. With `FAILURE_POLICY` the tries span about three minutes,
 * longer than a database failover; an acknowledged message is still never dropped (an admin retries it).
 */
export const DEAD_LETTER_AFTER = 8;
const FAILURE_POLICY: RetryPolicy = { maxAttempts: DEAD_LETTER_AFTER, baseDelayMs: 2_000, maxDelayMs: 5 * MINUTE_MS };
/** Waiting for a receipt's message: not a failure, no bound here. */
const WAIT_POLICY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * MINUTE_MS,
};
/** A receipt for a message nobody here sent (another system on the same number) is dropped after a while. */
const RECEIPT_ATTEMPTS = 8;

/**
 * The inbox worker: takes the next entry whose lead has nothing older waiting, processes it and
 * marks it done in the same transaction, so each entry takes effect exactly once and in order per lead.
 * Several workers (processes) may run at once; the inbox's claim keeps them off each other's leads.
 * An entry that keeps failing is retried with back-off, then dead-lettered (`DEAD_LETTER_AFTER`).
 */
export class ProcessInbox {
  private readonly guard = new DrainGuard<number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly handlers: InboxHandlers,
    private readonly options: ProcessInboxOptions = {},
  ) {}

  /** Processes one due entry; `null` when none is due. */
  async step(): Promise<ProcessedEntry | null> {
    const entry = await this.attempt();
    if (entry !== null) this.options.report?.(entry);
    return entry;
  }

  /**
   * Processes entries until none is due; a call during a drain makes it look again before it ends.
   * `afterEach` runs after every entry, so its replies can leave at once rather than after the backlog.
   */
  drain(afterEach?: (entry: ProcessedEntry) => void): Promise<number> {
    const most = Math.max(1, this.options.workers ?? 1);
    return this.guard.run(async (poked) => {
      let processed = 0;
      const failures: unknown[] = [];
      const running = new Set<Promise<void>>();
      // A worker that found an entry starts one more (up to `most`): an idle inbox costs one empty claim.
      const start = (): void => {
        const worker: Promise<void> = (async () => {
          // After a failure the others finish the entry in hand and take no more.
          while (failures.length === 0) {
            const entry = await this.step();
            if (entry === null) return;
            processed += 1;
            if (running.size < most && failures.length === 0) start();
            afterEach?.(entry);
          }
        })()
          .catch((error: unknown) => {
            failures.push(error);
          })
          .finally(() => running.delete(worker));
        running.add(worker);
      };
      do {
        start();
        // A worker that throws (the database went away) ends the drain once the others have put down their entries.
        while (running.size > 0) await Promise.all([...running]);
        if (failures.length > 0) throw failures[0];
      } while (poked());
      return processed;
    });
  }

  private async attempt(): Promise<ProcessedEntry | null> {
    let claimed: InboxItem | null = null;
    try {
      // A bot turn that quotes runs again once its PDF is rendered, outside the transaction (`withQuoteDrafts`).
      const step = await withQuoteDrafts((drafts) =>
        this.uow.transaction(async (tx) => {
          claimed = await tx.inbox.claimNext(this.clock.now());
          return claimed === null ? null : this.process(tx, claimed, drafts);
        }),
      );
      return step;
    } catch (error) {
      const item = claimed as InboxItem | null;
      // An entry that cannot be read fails like one that cannot be processed.
      if (item !== null) return this.recordFailure({ ...item, kind: item.entry.kind }, error);
      if (error instanceof UnreadableInboxEntry) return this.recordFailure(error.entry, error);
      throw error;
    }
  }

  private async process(tx: Transaction, item: InboxItem, drafts: QuoteDrafts): Promise<ProcessedEntry> {
    const now = this.clock.now();
    const { entry } = item;
    const done = (outcome: InboxOutcome): ProcessedEntry => ({ id: item.id, kind: entry.kind, outcome });
    if (entry.kind === 'message') {
      const result = await this.handlers.message(tx, entry.envelope, drafts);
      await tx.inbox.markProcessed(item.id, now);
      const outcome = !result.ok ? 'unknown_line' : result.value.kind === 'duplicate' ? 'duplicate' : 'handled';
      const queuedFile = outcome === 'handled' && entry.envelope.content.kind === 'media';
      const answered = result.ok && result.value.kind === 'answered' && result.value.replies > 0 ? result.value : null;
      return {
        ...done(outcome),
        ...(queuedFile ? { filesQueued: true } : {}),
        ...(answered === null ? {} : { typing: { line: answered.line, waMessageId: entry.envelope.waMessageId } }),
      };
    }
    if (entry.kind === 'media') {
      // No download here: the media worker copies it outside any transaction.
      await tx.mediaFetches.add(entry.envelope, item.receivedAt);
      await tx.inbox.markProcessed(item.id, now);
      return { ...done('media_queued'), filesQueued: true };
    }
    const result = await this.handlers.status(tx, entry.envelope);
    if (result.ok || item.attempts + 1 >= RECEIPT_ATTEMPTS) {
      await tx.inbox.markProcessed(item.id, now);
      return done(result.ok ? 'handled' : 'receipt_dropped');
    }
    await tx.inbox.deferAfterFailure(
      item.id,
      'message not known yet',
      now + retryDelay(WAIT_POLICY, item.attempts + 1, 0.5),
    );
    return done('receipt_waiting');
  }

  /**
   * After the failed transaction rolled back: the store counts the failure and, at the bound, sets the entry
   * aside. Another worker may have tried it meanwhile; its failure counts as well, and the entry is
   * dead-lettered once.
   */
  private async recordFailure(item: ClaimedEntry, error: unknown): Promise<ProcessedEntry> {
    const failure = inboxFailureOf(error);
    const at = this.clock.now();
    const retryAt = at + retryDelay(FAILURE_POLICY, item.failures + 1, 0.5);
    const recorded = await this.uow.single((repos) =>
      repos.inbox.recordFailure(item.id, failure, { at, retryAt }, DEAD_LETTER_AFTER),
    );
    return {
      id: item.id,
      kind: item.kind,
      outcome: recorded?.deadLettered === true ? 'dead_lettered' : 'failed',
      attempts: recorded?.attempts ?? item.attempts + 1,
      errorCode: failure.code,
      error: failure.reason,
    };
  }
}
