import type { ProcessedEntry } from '../application/use-cases/process-inbox.ts';
import type { Logger } from './logger.ts';

/**
 * What the inbox worker tells the operator, whichever path ran it (the polling workers, a webhook's kick,
 * the fake phone): one `error` line per dead letter, with ids and codes only (no phone, no text).
 */
export const inboxReport =
  (logger: Logger) =>
  (entry: ProcessedEntry): void => {
    if (entry.outcome !== 'dead_lettered') return;
    logger.error(
      { event: 'inbox_entry_dead_lettered', inboxId: entry.id, kind: entry.kind, attempts: entry.attempts, errorCode: entry.errorCode },
      'Inbox entry set aside after repeated failures; see GET /api/v1/admin/dead-letters',
    );
  };
