import type { ReminderOutcome } from '../application/use-cases/send-appointment-reminders.ts';
import type { MediaFetched } from '../application/use-cases/fetch-inbound-media.ts';
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
      default:
        return;
    }
  };

/**
 * The log line a file the media worker took deserves: a warning when it cannot be copied (the message says
 * why), an error when a try failed (storage down; retried). Ids and codes only: never the file, its URL or the sender.
 */
export const mediaReport =
  (logger: Logger) =>
  (fetched: MediaFetched): void => {
    switch (fetched.outcome) {
      case 'media_unavailable':
        logger.warn(
          { event: 'inbound_media_unavailable', messageId: fetched.messageId, reason: fetched.errorCode },
          'A file a lead sent could not be copied; the message says why',
        );
        return;
      case 'failed':
        logger.error(
          { event: 'inbound_media_fetch_failed', messageId: fetched.messageId, errorCode: fetched.errorCode },
          'Copying a file a lead sent failed; will retry',
        );
        return;
      default:
        return;
    }
  };

/** One line per reminder handled, by appointment id only (never the lead's phone or the text). */
export const reminderReport =
  (logger: Logger) =>
  (outcome: ReminderOutcome): void => {
    if (outcome.outcome === 'queued')
      logger.info(
        { event: 'appointment_reminder_queued', appointmentId: outcome.appointmentId, via: outcome.via },
        'Appointment reminder queued for the lead',
      );
    else
      logger.warn(
        { event: 'appointment_reminder_not_sent', appointmentId: outcome.appointmentId, reason: outcome.reason },
        'An appointment reminder could not be sent; the advisor was told',
      );
  };
