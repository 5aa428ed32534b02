import { and, asc, count, eq, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  inboxWaId,
  orderingKey,
  type FailureRecorded,
  type InboxEntry,
  type InboxFailure,
  type InboxItem,
  type InboxRepository,
} from '../../application/ports/inbox-repository.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { inboxEntryCodec } from './codecs/inbox-entry-codec.ts';
import type { UnreadableStoredValue } from './codecs/stored-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, toDate, toInstant } from './rows.ts';
import { inbox } from './schema.ts';

type InboxRow = typeof inbox.$inferSelect;

/** The failure kept on an entry whose stored payload cannot be read (its message names no value). */
export const UNREADABLE_ENTRY = 'stored_value_unreadable';

const earlier = alias(inbox, 'earlier');

export class DrizzleInboxRepository implements InboxRepository {
  constructor(private readonly db: Db) {}

  async add(entry: InboxEntry, receivedAt: Instant): Promise<boolean> {
    const at = toDate(receivedAt);
    const inserted = await this.db
      .insert(inbox)
      .values({
        waId: inboxWaId(entry),
        kind: entry.kind,
        orderingKey: orderingKey(entry),
        payload: inboxEntryCodec.encode(entry),
        receivedAt: at,
        notBefore: at,
      })
      .onConflictDoNothing({ target: inbox.waId })
      .returning({ id: inbox.id });
    return inserted.length > 0;
  }

  /**
   * The oldest due entry that heads its key. `SKIP LOCKED` passes over a head another worker holds, and
   * the `NOT EXISTS` keeps that key's later entries out too: one worker per lead, in arrival order.
   *
   * An entry whose payload cannot be read (written by a newer version, or damaged) could never be processed:
   * it becomes a dead letter at once, with the reason, and the next entry is claimed. Like any dead letter it
   * leaves its key's queue, so the sender's later messages go on; an admin sees it in the dead-letter list.
   * Set aside in the claiming transaction, it is set aside again by the next claim if that one rolls back.
   */
  async claimNext(now: Instant): Promise<InboxItem | null> {
    for (;;) {
      const row = await this.#claimHead(now);
      if (row === null) return null;
      const entry = inboxEntryCodec.read(row.payload);
      if (entry.ok)
        return {
          id: row.id,
          entry: entry.value,
          receivedAt: toInstant(row.receivedAt),
          attempts: row.attempts,
          failures: row.failures,
        };
      await this.#setAsideUnreadable(row.id, entry.error, now);
    }
  }

  async #setAsideUnreadable(id: number, error: UnreadableStoredValue, now: Instant): Promise<void> {
    const at = toDate(now);
    await this.db
      .update(inbox)
      .set({
        attempts: sql`${inbox.attempts} + 1`,
        failures: sql`${inbox.failures} + 1`,
        lastError: error.message,
        errorCode: UNREADABLE_ENTRY,
        processedAt: at,
        deadLetteredAt: at,
      })
      .where(eq(inbox.id, id));
  }

  async #claimHead(now: Instant): Promise<InboxRow | null> {
    const rows = await this.db
      .select()
      .from(inbox)
      .where(
        and(
          isNull(inbox.processedAt),
          lte(inbox.notBefore, toDate(now)),
          notExists(
            this.db
              .select({ one: sql`1` })
              .from(earlier)
              .where(
                and(eq(earlier.orderingKey, inbox.orderingKey), isNull(earlier.processedAt), lt(earlier.id, inbox.id)),
              ),
          ),
        ),
      )
      .orderBy(asc(inbox.id))
      .limit(1)
      .for('update', { skipLocked: true });
    return first(rows);
  }

  async markProcessed(id: number, at: Instant): Promise<void> {
    await this.db
      .update(inbox)
      .set({ processedAt: toDate(at) })
      .where(eq(inbox.id, id));
  }

  async deferAfterFailure(id: number, error: string, retryAt: Instant): Promise<void> {
    await this.db
      .update(inbox)
      .set({ attempts: sql`${inbox.attempts} + 1`, lastError: error, notBefore: toDate(retryAt) })
      .where(eq(inbox.id, id));
  }

  /** One statement: the count and the dead-letter decision are the row's own, whichever worker reports. */
  async recordFailure(
    id: number,
    failure: InboxFailure,
    times: { at: Instant; retryAt: Instant },
    deadLetterAfter: number,
  ): Promise<FailureRecorded | null> {
    const at = sql`${toDate(times.at).toISOString()}::timestamptz`;
    const whenDead = sql`case when ${inbox.failures} + 1 >= ${deadLetterAfter} then ${at} end`;
    const rows = await this.db
      .update(inbox)
      .set({
        attempts: sql`${inbox.attempts} + 1`,
        failures: sql`${inbox.failures} + 1`,
        lastError: failure.reason,
        errorCode: failure.code,
        notBefore: toDate(times.retryAt),
        processedAt: whenDead,
        deadLetteredAt: whenDead,
      })
      .where(and(eq(inbox.id, id), isNull(inbox.processedAt)))
      .returning({ attempts: inbox.attempts, failures: inbox.failures, deadLetteredAt: inbox.deadLetteredAt });
    const row = first(rows);
    return row === null
      ? null
      : { attempts: row.attempts, failures: row.failures, deadLettered: row.deadLetteredAt !== null };
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.db.select({ pending: count() }).from(inbox).where(isNull(inbox.processedAt));
    return row?.pending ?? 0;
  }
}
