import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, storedJson } from './columns.ts';

export const inboxKind = pgEnum('inbox_kind', ['message', 'status', 'media']);

/**
 * What WhatsApp told us, stored before acknowledging it; `id` is the arrival order (a retried dead letter
 * gets a new one: it queues behind what is already there). `processed_at` is when the entry left the queue:
 * processed, or dead-lettered (`dead_lettered_at` set too), so dead letters fall out of the pending indexes
 * and the claim needs no extra condition.
 */
export const inbox = pgTable(
  'inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waId: text('wa_id').notNull().unique(),
    kind: inboxKind('kind').notNull(),
    orderingKey: text('ordering_key').notNull(),
    /** `inboxEntryCodec`. */
    payload: storedJson('payload').notNull(),
    receivedAt: instant('received_at').notNull(),
    processedAt: instant('processed_at'),
    /** Every try, waits for a file or a receipt's message included (drives the back-off). */
    attempts: integer('attempts').notNull().default(0),
    /** Tries that failed (threw); the entry is dead-lettered when they reach the bound. */
    failures: integer('failures').notNull().default(0),
    notBefore: instant('not_before').notNull(),
    /** A short reason, never an error's message (a driver's carries the query's values). */
    lastError: text('last_error'),
    errorCode: text('error_code'),
    deadLetteredAt: instant('dead_lettered_at'),
    discardedAt: instant('discarded_at'),
  },
  (t) => [
    index('inbox_pending_by_key_idx').on(t.orderingKey, t.id).where(sql`${t.processedAt} is null`),
    index('inbox_pending_idx').on(t.id).where(sql`${t.processedAt} is null`),
    // Ascending, read backwards by the newest-first list: `DESC` means `NULLS FIRST`, which a `DESC NULLS LAST` index would not give.
    index('inbox_dead_letters_idx').on(t.deadLetteredAt, t.id).where(sql`${t.deadLetteredAt} is not null`),
  ],
);
