import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * What every repository is written against: a postgres.js or PGlite database, or a transaction of
 * either, so one set of classes serves both drivers.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
