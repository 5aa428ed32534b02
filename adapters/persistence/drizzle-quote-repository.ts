import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { QuoteRecord, QuoteRepository } from '../../application/ports/quote-repository.ts';
import {
  asId,
  type ConversationId,
  type MediaId,
  type QuoteId,
  type UnitId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import { quoteCodec } from './codecs/quote-codec.ts';
import { conflictOnUnique } from './pg-errors.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut, toDate } from './rows.ts';
import { counters, quotes } from './schema.ts';

type QuoteRow = typeof quotes.$inferSelect;

const QUOTE_COUNTER = 'quote_number';

export const toQuoteRecord = (row: QuoteRow): QuoteRecord => ({
  quote: quoteCodec.decode(row.figures),
  conversationId: asId<ConversationId>(row.conversationId),
  visitId: row.visitId === null ? null : asId<VisitId>(row.visitId),
  pdfMediaId: row.pdfMediaId === null ? null : asId<MediaId>(row.pdfMediaId),
});

export const toQuoteRow = (record: QuoteRecord): typeof quotes.$inferInsert => ({
  id: record.quote.id,
  number: record.quote.number,
  version: record.quote.version,
  conversationId: record.conversationId,
  visitId: record.visitId,
  pdfMediaId: record.pdfMediaId,
  projectId: record.quote.projectId,
  unitId: record.quote.unitId,
  issuedAt: toDate(record.quote.issuedAt),
  validUntil: toDate(record.quote.validUntil),
  figures: quoteCodec.encode(record.quote),
});

export class DrizzleQuoteRepository implements QuoteRepository {
  constructor(private readonly db: Db) {}

  /**
   * Gapless: the counter row stays locked until the caller's transaction ends, so a rolled-back quote
   * gives its number back and concurrent quotes wait their turn.
   */
  async nextSequence(): Promise<number> {
    const [row] = await this.db
      .insert(counters)
      .values({ name: QUOTE_COUNTER, value: 1 })
      .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
      .returning({ value: counters.value });
    if (row === undefined) throw new Error('the quote counter returned no row');
    return row.value;
  }

  async byId(id: QuoteId): Promise<QuoteRecord | null> {
    const row = first(await this.db.select().from(quotes).where(eq(quotes.id, id)));
    return row === null ? null : toQuoteRecord(row);
  }

  async byVisit(visitId: VisitId): Promise<QuoteRecord[]> {
    const rows = await this.db
      .select()
      .from(quotes)
      .where(eq(quotes.visitId, visitId))
      .orderBy(asc(quotes.issuedAt), asc(quotes.seq));
    return rows.map(toQuoteRecord);
  }

  async byConversation(conversationId: ConversationId): Promise<QuoteRecord[]> {
    const rows = await this.db
      .select()
      .from(quotes)
      .where(eq(quotes.conversationId, conversationId))
      .orderBy(asc(quotes.issuedAt), asc(quotes.seq));
    return rows.map(toQuoteRecord);
  }

  async latestForUnit(conversationId: ConversationId, unitId: UnitId): Promise<QuoteRecord | null> {
    const row = first(
      await this.db
        .select()
        .from(quotes)
        .where(and(eq(quotes.conversationId, conversationId), eq(quotes.unitId, unitId)))
        .orderBy(desc(quotes.version))
        .limit(1),
    );
    return row === null ? null : toQuoteRecord(row);
  }

  async anyForUnit(unitId: UnitId): Promise<boolean> {
    return (await this.db.select({ id: quotes.id }).from(quotes).where(eq(quotes.unitId, unitId)).limit(1)).length > 0;
  }

  async byPdfMedia(mediaId: MediaId): Promise<QuoteRecord[]> {
    const rows = await this.db
      .select()
      .from(quotes)
      .where(eq(quotes.pdfMediaId, mediaId))
      .orderBy(asc(quotes.issuedAt), asc(quotes.seq));
    return rows.map(toQuoteRecord);
  }

  /**
   * Two re-quotes of one unit racing for the same next version: the second hits the unique (number, version) index
   * and becomes a `Conflict`, so its transaction runs again and issues the version after.
   */
  async save(record: QuoteRecord): Promise<void> {
    await conflictOnUnique(
      'quote',
      () => `${record.quote.number} version ${record.quote.version}`,
      () =>
        this.db
          .insert(quotes)
          .values(toQuoteRow(record))
          .onConflictDoUpdate({ target: quotes.id, set: replaceAllBut(quotes) }),
    );
  }
}
