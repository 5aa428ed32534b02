import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Db } from './drizzle-db.ts';
import { ensurePrivateDirectory } from './private-directory.ts';

/** PostgreSQL's LISTEN/NOTIFY, for what every instance on the database should hear. */
export type Notifications = {
  /** `pg_notify(channel, payload)`, outside any transaction; the payload must stay under 8000 bytes. */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `onListen` each time LISTEN is in place: at first and again after a dropped connection reconnects. */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onListen: () => void,
  ): Promise<{ unlisten(): Promise<void> }>;
};

/** An open, migrated database: the handle every repository takes, and its lifecycle. */
export type Database = {
  readonly db: Db;
  /** PostgreSQL only: PGlite is one process, with no other instance to tell. */
  readonly notifications: Notifications | null;
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
 * Seconds before a pooled connection tries again after failing to connect. postgres.js's default grows
 * with every failure while the server is down, up to 20 s, so after a restart of a few seconds the app
 * stayed away (and `/ready` said 503) for 15 s or more; this one tops out at a second.
 */
const reconnectBackoff = (failures: number): number => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1);

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
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, backoff: reconnectBackoff });
  const db: Db = drizzlePostgres(client);
  // postgres.js listens on a connection of its own, re-LISTENs after it drops, and `end()` closes it too.
  const notifications: Notifications = {
    notify: async (channel, payload) => {
      await client.notify(channel, payload);
    },
    listen: (channel, onMessage, onListen) => client.listen(channel, onMessage, onListen),
  };
  return { db, notifications, ping: pinger(db), close: () => client.end({ timeout: 5 }) };
};

/**
 * Embedded PostgreSQL (PGlite) with its data in `dataDir` (mode 0700, as PostgreSQL wants its data directory),
 * kept across restarts; `null` keeps it in memory (fast tests). One connection: transactions run one at a time.
 */
export const openPglite = async (dataDir: string | null): Promise<Database> => {
  if (dataDir !== null) ensurePrivateDirectory(dataDir);
  const client = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  const db: Db = drizzlePglite(client);
  try {
    await migratePglite(drizzlePglite(client), { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, notifications: null, ping: pinger(db), close: () => client.close() };
};
