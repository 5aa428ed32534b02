import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Files leads sent, still to be copied from WhatsApp ("media pending"), one row per message, deleted once the
 * file is filed on the message or marked unavailable. A worker holds a row by its lease (`lease`, until
 * `leased_until`) while it downloads, outside any transaction; a lease that runs out (its worker died) frees the row.
 */
export const mediaFetches = pgTable(
  'media_fetches',
  {
    messageId: text('message_id').primaryKey(),
    phoneNumberId: text('phone_number_id').notNull(),
    waMediaId: text('wa_media_id').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** Tries that ended without the file (drives the back-off). */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lease: text('lease'),
    leasedUntil: instant('leased_until'),
    /** A short reason (WhatsApp's code), never the file, its URL or the lead. */
    lastError: text('last_error'),
  },
  (t) => [index('media_fetches_due_idx').on(t.nextAttemptAt)],
);

/** For `sql` fragments: a lease that does not hold the row at `now`. */
export const leaseFree = (now: Date) =>
  sql`(${mediaFetches.leasedUntil} is null or ${mediaFetches.leasedUntil} <= ${now.toISOString()}::timestamptz)`;
