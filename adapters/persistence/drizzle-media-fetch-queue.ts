import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import type { MediaFetch } from '../../application/ports/inbox-repository.ts';
import type { ClaimedMediaFetch, MediaFetchQueue } from '../../application/ports/media-fetch-queue.ts';
import { asId, type MessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Db } from './drizzle-db.ts';
import { first, toDate, toInstant } from './rows.ts';
import { leaseFree, mediaFetches } from './schema.ts';

export class DrizzleMediaFetchQueue implements MediaFetchQueue {
  constructor(private readonly db: Db) {}

  async add(fetch: MediaFetch, at: Instant): Promise<void> {
    await this.db
      .insert(mediaFetches)
      .values({
        messageId: fetch.messageId,
        phoneNumberId: fetch.phoneNumberId,
        waMediaId: fetch.waMediaId,
        receivedAt: toDate(at),
        nextAttemptAt: toDate(at),
      })
      .onConflictDoNothing({ target: mediaFetches.messageId });
  }

  /**
   * One statement: `SKIP LOCKED` passes over a row another worker is leasing this instant, and a row it
   * leased just before is re-checked against the lease on its new version (read committed), so no two
   * workers ever hold a live lease on the same file.
   */
  async claimNext(now: Instant, lease: string, leaseUntil: Instant): Promise<ClaimedMediaFetch | null> {
    const at = toDate(now);
    const next = this.db
      .select({ messageId: mediaFetches.messageId })
      .from(mediaFetches)
      .where(and(lte(mediaFetches.nextAttemptAt, at), leaseFree(at)))
      .orderBy(asc(mediaFetches.nextAttemptAt), asc(mediaFetches.messageId))
      .limit(1)
      .for('update', { skipLocked: true });
    const row = first(
      await this.db
        .update(mediaFetches)
        .set({ lease, leasedUntil: toDate(leaseUntil) })
        .where(and(sql`${mediaFetches.messageId} = (${next})`, leaseFree(at)))
        .returning(),
    );
    return row === null
      ? null
      : {
          fetch: {
            messageId: asId<MessageId>(row.messageId),
            phoneNumberId: row.phoneNumberId,
            waMediaId: row.waMediaId,
          },
          receivedAt: toInstant(row.receivedAt),
          attempts: row.attempts,
          lease,
        };
  }

  async complete(messageId: MessageId, lease: string): Promise<boolean> {
    const rows = await this.db
      .delete(mediaFetches)
      .where(and(eq(mediaFetches.messageId, messageId), eq(mediaFetches.lease, lease)))
      .returning({ messageId: mediaFetches.messageId });
    return rows.length > 0;
  }

  async retryLater(messageId: MessageId, lease: string, error: string, retryAt: Instant): Promise<boolean> {
    const rows = await this.db
      .update(mediaFetches)
      .set({
        attempts: sql`${mediaFetches.attempts} + 1`,
        lastError: error,
        nextAttemptAt: toDate(retryAt),
        lease: null,
        leasedUntil: null,
      })
      .where(and(eq(mediaFetches.messageId, messageId), eq(mediaFetches.lease, lease)))
      .returning({ messageId: mediaFetches.messageId });
    return rows.length > 0;
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.db.select({ pending: count() }).from(mediaFetches);
    return row?.pending ?? 0;
  }
}
