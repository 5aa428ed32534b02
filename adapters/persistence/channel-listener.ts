import type { Notifications } from './database.ts';

export type ChannelLogger = {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

/** What the log says when LISTEN is in place, or failed: an event name and a line for a person. */
export type ListenLines = {
  readonly listening: readonly [event: string, message: string];
  readonly failed: readonly [event: string, message: string];
};

/**
 * LISTEN on one channel for the other instances, once: `listen()` resolves when it is in place, or failed
 * (logged: the caller goes on without it), and `stop()` unlistens. Shared by the desk-event relay and the work
 * signal, which differ only in what they hear.
 */
export class ChannelListener {
  #listening: Promise<{ unlisten(): Promise<void> } | null> | null = null;

  constructor(
    private readonly notifications: Notifications,
    private readonly channel: string,
    private readonly logger: ChannelLogger,
    private readonly lines: ListenLines,
  ) {}

  /** Idempotent. */
  async listen(onMessage: (payload: string) => void): Promise<void> {
    const [listeningEvent, listeningLine] = this.lines.listening;
    const [failedEvent, failedLine] = this.lines.failed;
    this.#listening ??= this.notifications
      .listen(this.channel, onMessage, () =>
        this.logger.info({ event: listeningEvent, channel: this.channel }, listeningLine),
      )
      .catch((error: unknown) => {
        this.logger.error({ event: failedEvent, err: error }, failedLine);
        return null;
      });
    await this.#listening;
  }

  /** Stops listening, if it was; never throws. */
  async stop(): Promise<void> {
    const listening = await this.#listening;
    await listening?.unlisten().catch(() => undefined);
  }
}
