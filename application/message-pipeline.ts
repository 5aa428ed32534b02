import type { DeskEvent, EventPublisher } from './ports/events.ts';
import type { InboxEntry } from './ports/inbox-repository.ts';
import type { Work, WorkSignal } from './ports/work-signal.ts';
import type { DispatchOutbound } from './use-cases/dispatch-outbound.ts';
import type { FetchInboundMedia } from './use-cases/fetch-inbound-media.ts';
import type { ProcessedEntry, ProcessInbox } from './use-cases/process-inbox.ts';
import type { ReceiveInbound, ReceiveReport } from './use-cases/receive-inbound.ts';
import type { SendAppointmentReminders } from './use-cases/send-appointment-reminders.ts';
import type { ShowTyping } from './use-cases/show-typing.ts';

/**
 * The pipeline's stages, each a use case: store in the inbox, process the inbox, send the outbox, and copy the
 * files leads sent (queued "media pending" by processing, downloaded outside any transaction).
 */
export type PipelineStages = {
  readonly receive: Pick<ReceiveInbound, 'execute'>;
  readonly inbox: Pick<ProcessInbox, 'drain'>;
  readonly outbox: Pick<DispatchOutbound, 'execute'>;
  readonly media: Pick<FetchInboundMedia, 'drain'>;
  /**
   * Appointment reminders that came due, queued in the outbox (their `message_queued` wakes the outbox lane).
   * Nothing announces them: the safety poll (`wake()`) runs this lane. Optional for pipelines built without it.
   */
  readonly reminders?: Pick<SendAppointmentReminders, 'drain'>;
  /**
   * "Escribiendo…" for a message the bot answered, sent once its entry committed and before its replies are
   * sent (the indicator ends with our next message). Optional for pipelines built without it.
   */
  readonly typing?: Pick<ShowTyping, 'execute'>;
};

export type PipelineOptions = {
  /** Told when a stage throws (the database is away…); the next wake-up or poll tries again. */
  readonly onError?: (error: unknown) => void;
};

/**
 * The message pipeline: receive → inbox → process → outbox → dispatch, the one path every message takes,
 * whether Meta's webhook, the fake WhatsApp or the CRM stored it.
 *
 * `receive` stores what WhatsApp reported and announces it; queuing an outbound message announces it too
 * (`announcingQueued`). Announcements reach this instance at once and the others through the `WorkSignal`,
 * and wake the two lanes: the inbox lane processes every due entry (in order per lead, an entry that fails
 * never holding up the next: `ProcessInbox`), waking the outbox lane after each so replies leave at once;
 * the outbox lane sends everything due. A wake-up during a lane's run makes it look again before it ends,
 * so nothing is missed; `wake()` runs every lane unasked (the slow safety poll, for retries that came due
 * and work a lost signal did not announce). The media lane copies the files processed entries queued; the inbox
 * lane wakes it after each entry that queued one (`filesQueued`), so a file is fetched once its message is
 * committed, never inside that transaction, and a long download holds up no reply.
 */
export class MessagePipeline {
  readonly #running = new Set<Promise<void>>();
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly stages: PipelineStages,
    private readonly signal: WorkSignal,
    private readonly options: PipelineOptions = {},
  ) {}

  /**
   * Stores messages and receipts in the inbox (once per Meta id, `ReceiveInbound`) and wakes the pipelines.
   * Resolves once stored: acknowledge WhatsApp then; processing follows in the background.
   */
  async receive(entries: readonly InboxEntry[]): Promise<ReceiveReport> {
    const report = await this.stages.receive.execute(entries);
    if (report.stored > 0) this.signal.announce('inbox');
    return report;
  }

  /** Starts hearing announcements (this instance's and the others'). Idempotent. */
  start(): void {
    this.#unsubscribe ??= this.signal.subscribe((work) => this.#wake(work));
  }

  /** Stops hearing announcements and waits for the running lanes to finish. */
  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    await this.#settled();
  }

  /** Runs every lane now, announced or not. */
  wake(): void {
    this.#wake('inbox');
    this.#wake('outbox');
    this.#fetchMedia();
    if (this.stages.reminders !== undefined) this.#track(this.stages.reminders.drain());
  }

  /**
   * Runs every lane and resolves once nothing is due and no lane runs: every due inbox entry processed,
   * every due outbound message sent (or deferred by its back-off), every due file copied (or deferred). What a person waiting for an answer
   * (the fake phone) or a test awaits; it never processes anything the lanes would not.
   */
  async idle(): Promise<void> {
    this.wake();
    await this.#settled();
  }

  #wake(work: Work): void {
    if (work === 'outbox') {
      this.#track(this.stages.outbox.execute());
      return;
    }
    // Replies leave after each entry (after its typing indicator, if any: sent after them it would linger);
    // the media lane runs only after an entry that queued a file.
    const processed = (entry: ProcessedEntry) => {
      const { typing } = this.stages;
      if (entry.typing !== undefined && typing !== undefined)
        this.#track(
          typing
            .execute(entry.typing)
            .catch(() => 'failed')
            .then(() => this.#wake('outbox')),
        );
      else this.#wake('outbox');
      if (entry.filesQueued === true) this.#fetchMedia();
    };
    this.#track(this.stages.inbox.drain(processed).then(() => this.#wake('outbox')));
  }

  /** The media lane: this instance's inbox lane queued the files, so no signal is needed across instances. */
  #fetchMedia(): void {
    this.#track(this.stages.media.drain());
  }

  #track(work: Promise<unknown>): void {
    const running: Promise<void> = work
      .then(
        () => undefined,
        (error: unknown) => this.options.onError?.(error),
      )
      .finally(() => this.#running.delete(running));
    this.#running.add(running);
  }

  async #settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}

/**
 * The event publisher the use cases publish through: unchanged, except that a `message_queued` event also
 * announces outbox work, so whatever queues a message (a bot reply, an advisor, a quote) wakes the senders.
 */
export const announcingQueued = (events: EventPublisher, signal: WorkSignal): EventPublisher => ({
  publish(published: readonly DeskEvent[]): void {
    events.publish(published);
    if (published.some((event) => event.type === 'message_queued')) signal.announce('outbox');
  },
});
