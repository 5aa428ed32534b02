import type { ProcessedEntry } from '../application/use-cases/process-inbox.ts';
import type { Logger } from './logger.ts';

/**
 * The log line an inbox entry deserves, whoever processed it (the polling worker, or the drain kicked
 * by a webhook). Ids and codes only: never the message, the file, its URL or the sender.
 */
export const logInboxEntry = (logger: Logger, entry: ProcessedEntry): void => {
  if (entry.outcome === 'failed') logger.error({ event: 'inbox_entry_failed', inboxId: entry.id, error: entry.error }, 'Inbox entry failed; will retry');
  if (entry.outcome === 'unknown_line') logger.warn({ event: 'inbound_for_unknown_line_ignored', inboxId: entry.id }, 'Message for a line that is not configured');
  if (entry.outcome === 'receipt_dropped') logger.warn({ event: 'receipt_for_unknown_message_dropped', inboxId: entry.id }, 'Receipt for a message not sent from here');
  if (entry.outcome === 'media_unavailable') {
    logger.warn({ event: 'inbound_media_unavailable', inboxId: entry.id, reason: entry.error }, 'A file a lead sent could not be copied; the message says why');
  }
};
