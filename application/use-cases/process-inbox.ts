import { retryDelay, type RetryPolicy } from '../../domain/messaging/retry.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import type { EventPublisher } from '../ports/events.ts';
import type { InboxItem, MediaFetch } from '../ports/inbox-repository.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import type { HandleInboundMessage } from './handle-inbound-message.ts';
import type { FetchInboundMedia } from './fetch-inbound-media.ts';
import { DrainGuard } from './drain-guard.ts';
import type { Handled } from './handled.ts';
import type { RecordDeliveryStatus } from './record-delivery-status.ts';

export type InboxOutcome =
  | 'handled'
  | 'duplicate'
  | 'unknown_line'
  /** A receipt for a message whose Meta id we have not stored yet (its send may still be recording it). */
  | 'receipt_waiting'
  | 'receipt_dropped'
  | 'media_stored'
  | 'media_unavailable'
  /** WhatsApp could not hand the file over this time; tried again later. */
  | 'media_retry'
  | 'failed';

export type ProcessedEntry = { readonly id: number; readonly outcome: InboxOutcome; readonly error?: string };

/** Processing failures (outages, bugs) back off but never give up: an acknowledged message is never dropped. */
const FAILURE_POLICY: RetryPolicy = { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 1_000, maxDelayMs: 5 * MINUTE_MS };
/** A receipt for a message nobody here sent (another system on the same number) is dropped after a while. */
const RECEIPT_ATTEMPTS = 8;

/**
 * The inbox worker: takes the next entry whose lead has nothing older waiting, processes it and
 * marks it done in the same transaction, so each entry takes effect exactly once and in order per lead.
 * Several workers (processes) may run at once; the inbox's claim keeps them off each other's leads.
 */
export class ProcessInbox {
  private readonly guard = new DrainGuard<number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly inbound: HandleInboundMessage,
    private readonly statuses: RecordDeliveryStatus,
    private readonly media: FetchInboundMedia,
    private readonly events: EventPublisher,
  ) {}

  /** Processes one due entry; `null` when none is due. */
  async step(): Promise<ProcessedEntry | null> {
    let claimed: InboxItem | null = null;
    try {
      const step = await this.uow.transaction(async (repos) => {
        claimed = await repos.inbox.claimNext(this.clock.now());
        return claimed === null ? null : this.process(repos, claimed);
      });
      if (step === null) return null;
      this.events.publish(step.events);
      return step.result;
    } catch (error) {
      const item: InboxItem | null = claimed;
      if (item === null) throw error;
      return this.defer(item, error);
    }
  }

  /**
   * Processes entries until none is due; a call during a drain makes it look again before it ends.
   * `afterEach` runs after every entry, so its replies can leave at once rather than after the backlog.
   */
  drain(afterEach?: (entry: ProcessedEntry) => void): Promise<number> {
    return this.guard.run(async (poked) => {
      let processed = 0;
      do {
        for (let entry = await this.step(); entry !== null; entry = await this.step()) {
          processed += 1;
          afterEach?.(entry);
        }
      } while (poked());
      return processed;
    });
  }

  private async process(repos: Repositories, item: InboxItem): Promise<Handled<ProcessedEntry>> {
    const now = this.clock.now();
    const { entry } = item;
    if (entry.kind === 'message') {
      const { result, events } = await this.inbound.within(repos, entry.envelope);
      await repos.inbox.markProcessed(item.id, now);
      const outcome = !result.ok ? 'unknown_line' : result.value.kind === 'duplicate' ? 'duplicate' : 'handled';
      return { result: { id: item.id, outcome }, events };
    }
    if (entry.kind === 'media') return { result: await this.fetchMedia(repos, item, entry.envelope), events: [] };
    const { result, events } = await this.statuses.within(repos, entry.envelope);
    if (result.ok || item.attempts + 1 >= RECEIPT_ATTEMPTS) {
      await repos.inbox.markProcessed(item.id, now);
      return { result: { id: item.id, outcome: result.ok ? 'handled' : 'receipt_dropped' }, events };
    }
    await repos.inbox.deferAfterFailure(item.id, 'message not known yet', now + retryDelay(FAILURE_POLICY, item.attempts + 1, 0.5));
    return { result: { id: item.id, outcome: 'receipt_waiting' }, events };
  }

  private async fetchMedia(repos: Repositories, item: InboxItem, fetch: MediaFetch): Promise<ProcessedEntry> {
    const now = this.clock.now();
    const outcome = await this.media.within(repos, fetch, item.receivedAt, now);
    if (outcome.kind === 'retry') {
      await repos.inbox.deferAfterFailure(item.id, `media download failed: ${outcome.code}`, now + retryDelay(FAILURE_POLICY, item.attempts + 1, 0.5));
      return { id: item.id, outcome: 'media_retry', error: outcome.code };
    }
    await repos.inbox.markProcessed(item.id, now);
    return outcome.kind === 'stored' ? { id: item.id, outcome: 'media_stored' } : { id: item.id, outcome: 'media_unavailable', error: outcome.code };
  }

  private async defer(item: InboxItem, error: unknown): Promise<ProcessedEntry> {
    const reason = error instanceof Error ? error.message : String(error);
    const retryAt = this.clock.now() + retryDelay(FAILURE_POLICY, item.attempts + 1, 0.5);
    await this.uow.transaction((repos) => repos.inbox.deferAfterFailure(item.id, reason, retryAt));
    return { id: item.id, outcome: 'failed', error: reason };
  }
}
