import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * One row per limited key (`api_key:<digest>`, `auth_failures:<address>` …): the hits of its current fixed
 * window and when that window ends. UNLOGGED in the migration: counters need no WAL and no fsync on every
 * request, and losing them in a crash only resets the limits.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetsAt: instant('resets_at').notNull(),
  },
  (t) => [index('rate_limits_resets_at_idx').on(t.resetsAt)],
);
