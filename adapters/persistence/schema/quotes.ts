import { bigint, bigserial, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant, storedJson } from './columns.ts';

export const quotes = pgTable(
  'quotes',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    number: text('number').notNull(),
    /** `Quote.version`: a re-quote of the same unit to the same conversation keeps the number, with the next version. */
    version: integer('version').notNull().default(1),
    conversationId: text('conversation_id').notNull(),
    visitId: text('visit_id'),
    pdfMediaId: text('pdf_media_id'),
    projectId: text('project_id').notNull(),
    unitId: text('unit_id').notNull(),
    issuedAt: instant('issued_at').notNull(),
    validUntil: instant('valid_until').notNull(),
    /** The whole quote as issued (`quoteCodec`): figures are frozen, never recomputed. */
    figures: storedJson('figures').notNull(),
  },
  (t) => [
    uniqueIndex('quotes_number_version_idx').on(t.number, t.version),
    index('quotes_unit_versions_idx').on(t.conversationId, t.unitId, t.version),
    index('quotes_visit_idx').on(t.visitId, t.issuedAt, t.seq),
    index('quotes_conversation_idx').on(t.conversationId, t.issuedAt, t.seq),
  ],
);

/** Named gapless counters (quote numbers): incremented inside the transaction that uses the value. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});
