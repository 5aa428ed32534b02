import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { windowEnd, type RateLimiter, type WindowCount } from '../../application/ports/rate-limiter.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Db } from './drizzle-db.ts';
import { first, toDate, toInstant } from './rows.ts';
import { rateLimits } from './schema.ts';

/**
 * Counters in PostgreSQL, so every instance on the database spends the same budgets. A hit is one
 * `insert … on conflict do update … returning`: atomic under concurrency, one round trip, no transaction.
 */
export class DrizzleRateLimiter implements RateLimiter {
  constructor(private readonly db: Db) {}

  async hit(key: string, windowMs: number, now: Instant): Promise<WindowCount> {
    const resetsAt = toDate(windowEnd(now, windowMs));
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key, hits: 1, resetsAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        // A later window starts again from one; an earlier one (a lagging clock) counts in the stored one.
        set: {
          hits: sql`case when excluded.resets_at > ${rateLimits.resetsAt} then 1 else ${rateLimits.hits} + 1 end`,
          resetsAt: sql`greatest(${rateLimits.resetsAt}, excluded.resets_at)`,
        },
      })
      .returning({ hits: rateLimits.hits, resetsAt: rateLimits.resetsAt });
    if (row === undefined) throw new Error('rate limit upsert returned no row');
    return { hits: row.hits, resetsAt: toInstant(row.resetsAt) };
  }

  async peek(key: string, windowMs: number, now: Instant): Promise<WindowCount> {
    const row = first(
      await this.db
        .select({ hits: rateLimits.hits, resetsAt: rateLimits.resetsAt })
        .from(rateLimits)
        .where(and(eq(rateLimits.key, key), gt(rateLimits.resetsAt, toDate(now)))),
    );
    return row === null
      ? { hits: 0, resetsAt: windowEnd(now, windowMs) }
      : { hits: row.hits, resetsAt: toInstant(row.resetsAt) };
  }

  async purge(now: Instant): Promise<number> {
    const removed = await this.db
      .delete(rateLimits)
      .where(lte(rateLimits.resetsAt, toDate(now)))
      .returning({ key: rateLimits.key });
    return removed.length;
  }
}
