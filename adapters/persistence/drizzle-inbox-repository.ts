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
  UnreadableInboxEntry,
} from '../../application/ports/inbox-repository.ts';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { inboxEntryCodec } from './codecs/inbox-entry-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, toDate, toInstant } from './rows.ts';
import { inbox } from './schema.ts';

type InboxRow = typeof inbox.$inferSelect;

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

  async messageEnvelope(waMessageId: WaMessageId): Promise<InboundEnvelope | null> {
    const row = first(
      await this.db
        .select({ payload: inbox.payload })
        .from(inbox)
        .where(and(eq(inbox.waId, waMessageId), eq(inbox.kind, 'message')))
        .limit(1),
    );
    if (row === null) return null;
    const entry = inboxEntryCodec.decode(row.payload);
    return entry.kind === 'message' ? entry.envelope : null;
  }

  async redactMessage(envelope: InboundEnvelope): Promise<void> {
    await this.db
      .update(inbox)
      .set({ payload: inboxEntryCodec.encode({ kind: 'message', envelope }) })
      .where(and(eq(inbox.waId, envelope.waMessageId), eq(inbox.kind, 'message')));
  }

  /**
   * The oldest due entry that heads its key. `SKIP LOCKED` passes over a head another worker holds, and
   * the `NOT EXISTS` keeps that key's later entries out too: one worker per lead, in arrival order.
   * An entry whose payload cannot be read stays claimed and throws `UnreadableInboxEntry`: the caller
   * records the failure like any other, and it ends as a dead letter.
   */
  async claimNext(now: Instant): Promise<InboxItem | null> {
    const row = await this.#claimHead(now);
    if (row === null) return null;
    const claimed = {
      id: row.id,
      receivedAt: toInstant(row.receivedAt),
      attempts: row.attempts,
      failures: row.failures,
    };
    const entry = inboxEntryCodec.read(row.payload);
    if (!entry.ok)
      throw new UnreadableInboxEntry({ ...claimed, kind: row.kind }, entry.error.message, { cause: entry.error });
    return { ...claimed, entry: entry.value };
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
