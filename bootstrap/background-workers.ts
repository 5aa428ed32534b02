import type { Container } from 'inversify';
import type { Logger } from './logger.ts';
import { TOKENS } from './tokens.ts';

export type Workers = { stop(): Promise<void> };

/**
 * The inbox worker and the outbox sender, polling: new work is usually handled at once by whoever
 * stored it, and the poll catches retries that came due, and work left by a crashed instance.
 */
export const startWorkers = (container: Container, logger: Logger, intervalMs = 250): Workers => {
  const inbox = container.get(TOKENS.ProcessInbox);
  const outbox = container.get(TOKENS.DispatchOutbound);
  let running: Promise<void> | null = null;
  const tick = async (): Promise<void> => {
    try {
      // Each entry is logged by the inbox's own report (`inboxReport`).
      while ((await inbox.step()) !== null);
      await outbox.execute();
    } catch (error) {
      logger.error({ event: 'worker_tick_failed', err: error }, 'Background worker failed; next tick retries');
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = null));
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
};
