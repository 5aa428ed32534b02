import type { Container } from 'inversify';
import type { Logger } from './logger.ts';
import { TOKENS } from './tokens.ts';

export type Workers = { stop(): Promise<void> };

/**
 * The inbox worker, the outbox sender and the media worker, polling: new work is usually handled at once by whoever
 * stored it, and the poll catches retries that came due, and work left by a crashed instance.
 */
export const startWorkers = (container: Container, logger: Logger, intervalMs = 250): Workers => {
  const inbox = container.get(TOKENS.ProcessInbox);
  const outbox = container.get(TOKENS.DispatchOutbound);
  const media = container.get(TOKENS.FetchInboundMedia);
  let running: Promise<void> | null = null;
  let fetching: Promise<void> | null = null;
  const tick = async (): Promise<void> => {
    try {
      // Each entry is logged by the inbox's own report (`inboxReport`).
      while ((await inbox.step()) !== null);
      await outbox.execute();
    } catch (error) {
      logger.error({ event: 'worker_tick_failed', err: error }, 'Background worker failed; next tick retries');
    }
  };
  // Files are copied on their own loop, outside any transaction: a long download holds up no reply.
  const fetch = async (): Promise<void> => {
    await media.drain().catch((error: unknown) => {
      logger.error({ event: 'worker_tick_failed', err: error }, 'Media worker failed; next tick retries');
    });
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = null));
    fetching ??= fetch().finally(() => (fetching = null));
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([running, fetching]);
    },
  };
};
