import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import type { InboxEntry } from '../../../application/ports/inbox-repository.ts';
import { instant } from './columns.ts';

export const inboxKind = pgEnum('inbox_kind', ['message', 'status', 'media']);

/** What WhatsApp told us, stored before acknowledging it; `id` is the arrival order. */
export const inbox = pgTable(
  'inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waId: text('wa_id').notNull().unique(),
    kind: inboxKind('kind').notNull(),
    orderingKey: text('ordering_key').notNull(),
    payload: jsonb('payload').$type<InboxEntry>().notNull(),
    receivedAt: instant('received_at').notNull(),
    processedAt: instant('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: instant('not_before').notNull(),
    lastError: text('last_error'),
  },
  (t) => [
    index('inbox_pending_by_key_idx').on(t.orderingKey, t.id).where(sql`${t.processedAt} is null`),
    index('inbox_pending_idx').on(t.id).where(sql`${t.processedAt} is null`),
  ],
);
