import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  DeadLetter,
  DeadLetterPosition,
  DeadLetterRepository,
  DeadLetterStatus,
  DeadLetterSummary,
} from '../../application/ports/dead-letter-repository.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { inboxEntryCodec } from './codecs/inbox-entry-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, toDate, toInstant, toInstantOrNull } from './rows.ts';
import { inbox } from './schema.ts';

/** The list's columns: never the payload (phones, texts), which only `byId` reads. */
const summaryColumns = {
  id: inbox.id,
  kind: inbox.kind,
  receivedAt: inbox.receivedAt,
  attempts: inbox.attempts,
  lastError: inbox.lastError,
  errorCode: inbox.errorCode,
  deadLetteredAt: inbox.deadLetteredAt,
  discardedAt: inbox.discardedAt,
};

type SummaryRow = Pick<typeof inbox.$inferSelect, keyof typeof summaryColumns>;

const toSummary = (row: SummaryRow): DeadLetterSummary => ({
  id: row.id,
  kind: row.kind,
  receivedAt: toInstant(row.receivedAt),
  attempts: row.attempts,
  lastError: { code: row.errorCode ?? 'unknown', reason: row.lastError ?? '' },
  deadLetteredAt: toInstantOrNull(row.deadLetteredAt) ?? 0,
  discardedAt: toInstantOrNull(row.discardedAt),
});

/**
 * A dead letter with its entry. An entry whose payload cannot be read (dead-lettered for that: `unreadable_entry`) throws
 * `UnreadableStoredValue`: the list shows it with its reason, its detail cannot be shown.
 */
const toDeadLetter = (row: typeof inbox.$inferSelect): DeadLetter => ({
  ...toSummary(row),
  entry: inboxEntryCodec.decode(row.payload),
});

const timestamp = (at: Instant) => sql`${toDate(at).toISOString()}::timestamptz`;

/** Dead letters are inbox rows with `dead_lettered_at` set (see the inbox schema); paged on `inbox_dead_letters_idx`. */
export class DrizzleDeadLetterRepository implements DeadLetterRepository {
  constructor(private readonly db: Db) {}

  async list(query: {
    status: DeadLetterStatus;
    after: DeadLetterPosition | null;
    limit: number;
  }): Promise<DeadLetterSummary[]> {
    const { after } = query;
    const rows = await this.db
      .select(summaryColumns)
      .from(inbox)
      .where(
        and(
          isNotNull(inbox.deadLetteredAt),
          query.status === 'discarded' ? isNotNull(inbox.discardedAt) : isNull(inbox.discardedAt),
          after === null
            ? undefined
            : sql`(${inbox.deadLetteredAt}, ${inbox.id}) < (${timestamp(after.deadLetteredAt)}, ${after.id})`,
        ),
      )
      .orderBy(desc(inbox.deadLetteredAt), desc(inbox.id))
      .limit(query.limit);
    return rows.map(toSummary);
  }

  async byId(id: number): Promise<DeadLetter | null> {
    const row = first(
      await this.db
        .select()
        .from(inbox)
        .where(and(eq(inbox.id, id), isNotNull(inbox.deadLetteredAt))),
    );
    return row === null ? null : toDeadLetter(row);
  }

  /** A new id from the inbox's own sequence puts the entry behind everything already queued. */
  async requeue(id: number, now: Instant): Promise<number | null> {
    const rows = await this.db
      .update(inbox)
      .set({
        id: sql`nextval(pg_get_serial_sequence('inbox', 'id'))`,
        processedAt: null,
        attempts: 0,
        failures: 0,
        notBefore: toDate(now),
        deadLetteredAt: null,
        discardedAt: null,
      })
      .where(and(eq(inbox.id, id), isNotNull(inbox.deadLetteredAt), isNull(inbox.discardedAt)))
      .returning({ id: inbox.id });
    return first(rows)?.id ?? null;
  }

  async discard(id: number, at: Instant): Promise<DeadLetter | null> {
    const rows = await this.db
      .update(inbox)
      .set({ discardedAt: sql`coalesce(${inbox.discardedAt}, ${timestamp(at)})` })
      .where(and(eq(inbox.id, id), isNotNull(inbox.deadLetteredAt)))
      .returning();
    const row = first(rows);
    return row === null ? null : toDeadLetter(row);
  }
}
