import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Instant } from '../../domain/shared/time.ts';

export const toDate = (at: Instant): Date => new Date(at);
export const toInstant = (date: Date): Instant => date.getTime();
export const toDateOrNull = (at: Instant | null): Date | null => (at === null ? null : new Date(at));
export const toInstantOrNull = (date: Date | null): Instant | null => (date === null ? null : date.getTime());

/**
 * The `SET` of an upsert that replaces every column with the proposed row's, except the key and the
 * ones named (stored order `seq` is always kept: a replaced row keeps its place).
 */
export const replaceAllBut = <T extends PgTable>(
  table: T,
  ...kept: (keyof T['_']['columns'] & string)[]
): Record<string, SQL> => {
  const keep = new Set<string>(['seq', ...kept]);
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key, column]) => !keep.has(key) && !column.primary)
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
};

/** The single row of a lookup by key, or `null`. */
export const first = <T>(rows: readonly T[]): T | null => rows[0] ?? null;
