import type { ProcessedEntry } from '../application/use-cases/process-inbox.ts';
import type { Logger } from './logger.ts';

/**
 * The log line an inbox entry deserves, whichever path stored it (Meta's webhook, the fake WhatsApp, a retried
 * dead letter): the message pipeline is the only one that processes entries, through `ProcessInbox`. One `error` line per failure and per dead letter, warnings for what was dropped or is
 * unavailable. Ids and codes only: never the message, the file, its URL or the sender.
 */
export const inboxReport =
  (logger: Logger) =>
  (entry: ProcessedEntry): void => {
    switch (entry.outcome) {
      case 'dead_lettered':
        logger.error(
          {
            event: 'inbox_entry_dead_lettered',
            inboxId: entry.id,
            kind: entry.kind,
            attempts: entry.attempts,
            errorCode: entry.errorCode,
          },
          'Inbox entry set aside after repeated failures; see GET /api/v1/admin/dead-letters',
        );
        return;
      case 'failed':
        logger.error(
          {
            event: 'inbox_entry_failed',
            inboxId: entry.id,
            kind: entry.kind,
            attempts: entry.attempts,
            errorCode: entry.errorCode,
            error: entry.error,
          },
          'Inbox entry failed; will retry',
        );
        return;
      case 'unknown_line':
        logger.warn(
          { event: 'inbound_for_unknown_line_ignored', inboxId: entry.id },
          'Message for a line that is not configured',
        );
        return;
      case 'receipt_dropped':
        logger.warn(
          { event: 'receipt_for_unknown_message_dropped', inboxId: entry.id },
          'Receipt for a message not sent from here',
        );
        return;
      case 'media_unavailable':
        logger.warn(
          { event: 'inbound_media_unavailable', inboxId: entry.id, reason: entry.errorCode },
          'A file a lead sent could not be copied; the message says why',
        );
        return;
      default:
        return;
    }
  };
