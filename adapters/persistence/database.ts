import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Db } from './drizzle-db.ts';

/** An open, migrated database: the handle every repository takes, and its lifecycle. */
export type Database = {
  readonly db: Db;
  /** Resolves `true` when the database answers a query; never throws (for readiness checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export type PostgresOptions = {
  /** Connections in the pool; 10 by default. */
  readonly max?: number;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
/** Any constant: instances booting together take turns applying migrations. */
const MIGRATION_LOCK = 7_240_114;

const pinger = (db: Db) => async (): Promise<boolean> => {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
};

/**
 * PostgreSQL through postgres.js. Migrations run first on a separate single-connection client that
 * holds an advisory lock meanwhile, so several instances starting at once migrate one at a time.
 */
export const openPostgres = async (url: string, options: PostgresOptions = {}): Promise<Database> => {
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(migrator), { migrationsFolder });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db: Db = drizzlePostgres(client);
  return { db, ping: pinger(db), close: () => client.end({ timeout: 5 }) };
};

/**
 * Embedded PostgreSQL (PGlite) with its data in `dataDir`, kept across restarts; `null` keeps it in
 * memory (fast tests). One connection: transactions run one at a time.
 */
export const openPglite = async (dataDir: string | null): Promise<Database> => {
  const client = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  const db: Db = drizzlePglite(client);
  try {
    await migratePglite(drizzlePglite(client), { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, ping: pinger(db), close: () => client.close() };
};
