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
      for (let entry = await inbox.step(); entry !== null; entry = await inbox.step()) {
        if (entry.outcome === 'failed') logger.error({ event: 'inbox_entry_failed', inboxId: entry.id, error: entry.error }, 'Inbox entry failed; will retry');
        if (entry.outcome === 'unknown_line') logger.warn({ event: 'inbound_for_unknown_line_ignored', inboxId: entry.id }, 'Message for a line that is not configured');
        if (entry.outcome === 'receipt_dropped') logger.warn({ event: 'receipt_for_unknown_message_dropped', inboxId: entry.id }, 'Receipt for a message not sent from here');
        // The reason's code only: never the file, its URL (signed query string) or the lead's caption.
        if (entry.outcome === 'media_unavailable') logger.warn({ event: 'inbound_media_unavailable', inboxId: entry.id, reason: entry.error }, 'A file a lead sent could not be copied; the message says why');
      }
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
