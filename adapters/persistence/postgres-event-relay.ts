import type { DeskEvent, EventPublisher } from '../../application/ports/events.ts';
import type { Notifications } from './database.ts';
import { decodeNotification, encodeNotifications } from './event-notification.ts';
import { ChannelListener } from './channel-listener.ts';

/** The slice of a pino logger the relay needs (pino's `Logger` satisfies it). */
export type RelayLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type PostgresEventRelayOptions = {
  /** Unique per process: tags what this instance sends, so it skips its own events when they come back. */
  readonly instanceId: string;
  readonly logger: RelayLogger;
  /** `lead_desk_events` unless a test says otherwise. */
  readonly channel?: string;
  /** Events kept while the database is slow or away; beyond it the oldest are dropped. 10,000 by default. */
  readonly maxPending?: number;
  /** How long a send waits for more events to share its NOTIFY; 5 ms by default (0 in unit tests). */
  readonly gatherMs?: number;
};

/**
 * Desk events for every instance on one PostgreSQL database. `publish` hands events to this instance's
 * subscribers at once, then NOTIFYs them in the background, one statement at a time so the others hear
 * them in order; what the others NOTIFY reaches this instance's subscribers. Use cases publish after
 * their transaction commits, so nobody hears of a change that could still roll back. At most once: a
 * notification sent while a listening connection is down is lost to that instance (clients refetch).
 */
export class PostgresEventRelay implements EventPublisher {
  readonly #channel: string;
  readonly #maxPending: number;
  readonly #gatherMs: number;
  #pending: DeskEvent[] = [];
  #draining = false;
  #sent: Promise<void> = Promise.resolve();
  #listener: ChannelListener | null = null;
  #closed = false;

  constructor(
    private readonly notifications: Notifications,
    private readonly local: EventPublisher,
    private readonly options: PostgresEventRelayOptions,
  ) {
    this.#channel = options.channel ?? 'lead_desk_events';
    this.#maxPending = options.maxPending ?? 10_000;
    this.#gatherMs = options.gatherMs ?? 5;
  }

  /** Never throws nor waits: local delivery is synchronous, sending is fire-and-forget with errors logged. */
  publish(events: readonly DeskEvent[]): void {
    this.local.publish(events);
    if (events.length === 0 || this.#closed) return;
    this.#pending.push(...events);
    const excess = this.#pending.length - this.#maxPending;
    if (excess > 0) {
      this.#pending.splice(0, excess);
      this.options.logger.warn(
        { event: 'desk_events_dropped', count: excess },
        'Too many events waiting to be sent to the other instances',
      );
    }
    if (!this.#draining) {
      this.#draining = true;
      this.#sent = this.#drain();
    }
  }

  /** Starts hearing the other instances; resolves once LISTEN is in place, or failed (logged). Idempotent. */
  async listen(): Promise<void> {
    this.#listener ??= new ChannelListener(this.notifications, this.#channel, this.options.logger, {
      listening: ['desk_events_listening', "Listening for other instances' events"],
      failed: ['desk_events_listen_failed', "Cannot hear other instances' events"],
    });
    await this.#listener.listen((payload) => this.#receive(payload));
  }

  /** Sends what is still waiting, then stops listening. Call before the database closes. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#sent;
    await this.#listener?.stop();
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        // A moment for the events of other transactions finishing now to join: one NOTIFY carries them all.
        if (this.#gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#gatherMs));
        const batch = this.#pending.splice(0);
        for (const payload of encodeNotifications(this.options.instanceId, batch)) await this.#notify(payload);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #notify(payload: string): Promise<void> {
    try {
      await this.notifications.notify(this.#channel, payload);
    } catch (error) {
      this.options.logger.error(
        { event: 'desk_events_notify_failed', err: error },
        'Other instances will not hear some events',
      );
    }
  }

  #receive(payload: string): void {
    const notification = decodeNotification(payload);
    if (notification === null) {
      this.options.logger.warn(
        { event: 'desk_events_notification_unreadable' },
        'Ignored a notification that is not desk events',
      );
      return;
    }
    if (notification.from !== this.options.instanceId) this.local.publish(notification.events);
  }
}
