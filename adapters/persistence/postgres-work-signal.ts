import type { Work, WorkListener, WorkSignal } from '../../application/ports/work-signal.ts';
import type { Notifications } from './database.ts';
import type { RelayLogger } from './postgres-event-relay.ts';
import { ChannelListener } from './channel-listener.ts';

export type PostgresWorkSignalOptions = {
  /** Unique per process: this instance does not wake itself a second time when its own NOTIFY comes back. */
  readonly instanceId: string;
  readonly logger: RelayLogger;
  /** `lead_desk_work` unless a test says otherwise. */
  readonly channel?: string;
};

const WORK: Readonly<Record<Work, true>> = { inbox: true, outbox: true };

const decode = (payload: string): { from: string; work: Work } | null => {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const { from, work } = value as Record<string, unknown>;
    return typeof from === 'string' && typeof work === 'string' && Object.hasOwn(WORK, work)
      ? { from, work: work as Work }
      : null;
  } catch {
    return null;
  }
};

/**
 * Wake-ups for every instance on one PostgreSQL database: `announce` wakes this instance's listeners at
 * once, then NOTIFYs the others on a channel of its own (`lead_desk_work`, beside the desk events' channel).
 * Announcements made while a NOTIFY of the same kind is on its way share one more NOTIFY after it, so a
 * burst of stored work costs a few statements, not one each. At most once, like any NOTIFY: the pipelines'
 * slow poll finds what a lost signal did not announce.
 */
export class PostgresWorkSignal implements WorkSignal {
  readonly #listeners = new Set<WorkListener>();
  readonly #channel: string;
  readonly #wanted = new Set<Work>();
  #sending: Promise<void> | null = null;
  #listener: ChannelListener | null = null;
  #closed = false;

  constructor(
    private readonly notifications: Notifications,
    private readonly options: PostgresWorkSignalOptions,
  ) {
    this.#channel = options.channel ?? 'lead_desk_work';
  }

  announce(work: Work): void {
    this.#wake(work);
    if (this.#closed) return;
    this.#wanted.add(work);
    this.#sending ??= this.#send().finally(() => (this.#sending = null));
  }

  subscribe(listener: WorkListener): () => void {
    const entry: WorkListener = (work) => listener(work);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Starts hearing the other instances; resolves once LISTEN is in place, or failed (logged). Idempotent. */
  async listen(): Promise<void> {
    this.#listener ??= new ChannelListener(this.notifications, this.#channel, this.options.logger, {
      listening: ['work_signal_listening', "Listening for other instances' stored work"],
      failed: ['work_signal_listen_failed', "Cannot hear other instances' stored work; the poll finds it"],
    });
    await this.#listener.listen((payload) => this.#receive(payload));
  }

  /** Sends what is still wanted, then stops listening. Call before the database closes. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#sending;
    await this.#listener?.stop();
  }

  async #send(): Promise<void> {
    while (this.#wanted.size > 0) {
      const batch = [...this.#wanted];
      this.#wanted.clear();
      for (const work of batch) {
        try {
          await this.notifications.notify(this.#channel, JSON.stringify({ from: this.options.instanceId, work }));
        } catch (error) {
          this.options.logger.error(
            { event: 'work_signal_notify_failed', err: error },
            'Other instances will find this work by polling',
          );
        }
      }
    }
  }

  #receive(payload: string): void {
    const signal = decode(payload);
    if (signal === null) {
      this.options.logger.warn({ event: 'work_signal_unreadable' }, 'Ignored a notification that is not a wake-up');
      return;
    }
    if (signal.from !== this.options.instanceId) this.#wake(signal.work);
  }

  #wake(work: Work): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(work);
      } catch {
        // The port promises never to throw: a listener owns its errors.
      }
    }
  }
}
