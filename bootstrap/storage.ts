import { sql } from 'drizzle-orm';
import { join } from 'node:path';
import { DiskMediaStore } from '../adapters/media/disk-media-store.ts';
import { defaultBotSettings } from '../adapters/memory/default-bot-settings.ts';
import { InMemoryMediaStore } from '../adapters/memory/in-memory-media-store.ts';
import { openPglite, openPostgres, type Database, type Notifications } from '../adapters/persistence/database.ts';
import { rollbackHooks } from '../adapters/persistence/ambient-transaction.ts';
import { DrizzleMediaStore } from '../adapters/persistence/drizzle-media-store.ts';
import { DrizzleRateLimiter } from '../adapters/persistence/drizzle-rate-limiter.ts';
import { DrizzleUnitOfWork } from '../adapters/persistence/drizzle-unit-of-work.ts';
import { RandomIdGenerator } from '../adapters/ids/random-id-generator.ts';
import { SystemClock } from '../adapters/clock/system-clock.ts';
import type { MediaStore } from '../application/ports/media-store.ts';
import type { RateLimiter } from '../application/ports/rate-limiter.ts';
import type { TransactionalStore } from '../application/ports/unit-of-work.ts';
import type { Config } from './config.ts';

/** Durable storage, open and migrated: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR. */
export type Storage = {
  readonly store: TransactionalStore;
  readonly media: MediaStore;
  /** Rate-limit counters in the database, shared by every instance on it. */
  readonly rateLimiter: RateLimiter;
  /** LISTEN/NOTIFY with PostgreSQL, for events every instance should hear; `null` with PGlite. */
  readonly notifications: Notifications | null;
  /** For the start banner. */
  readonly description: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

/** How stale another instance's view of a configuration change may be (this instance's own changes show at once). */
const CONFIGURATION_CACHE_MS = 1_000;

const ids = () => new RandomIdGenerator(new SystemClock());

const fromDatabase = (
  database: Database,
  media: MediaStore,
  description: string,
  autocommitSingles: boolean,
): Storage => ({
  store: new DrizzleUnitOfWork(database.db, {
    defaultSettings: defaultBotSettings,
    autocommitSingles,
    configurationCacheMs: CONFIGURATION_CACHE_MS,
  }),
  media,
  rateLimiter: new DrizzleRateLimiter(database.db),
  notifications: database.notifications,
  description,
  ping: database.ping,
  close: database.close,
});

/**
 * PostgreSQL keeps files in the database, shared by every instance. PGlite has one connection, which a
 * transaction holds: files go to DATA_DIR/media instead, so storing a quote's PDF mid-transaction
 * does not wait on itself.
 */
export const openStorage = async (config: Config): Promise<Storage> => {
  if (config.databaseUrl !== null) {
    const database = await openPostgres(config.databaseUrl);
    return fromDatabase(database, new DrizzleMediaStore(database.db, ids()), 'postgres (DATABASE_URL)', true);
  }
  const database = await openPglite(config.dataDir);
  return fromDatabase(
    database,
    // A file stored inside a transaction (a quote's PDF) is removed again if the transaction rolls back.
    new DiskMediaStore(join(config.dataDir, 'media'), ids(), rollbackHooks(database.db)),
    `pglite (${config.dataDir})`,
    false,
  );
};

/**
 * Every row of every table of the database as JSON text, one string per row: what a test looks through to prove
 * that nothing stored holds a piece of personal data. PGlite or PostgreSQL alike; for tests only (it reads it all).
 */
export type TableDump = () => Promise<readonly { readonly table: string; readonly row: string }[]>;

const dumpOf =
  (db: Database['db']): TableDump =>
  async () => {
    const rowsOf = (result: unknown): Record<string, unknown>[] =>
      (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) ?? [];
    const tables = rowsOf(
      await db.execute(
        sql`select table_name::text as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      ),
    ).map((r) => String(r.name));
    const out: { table: string; row: string }[] = [];
    for (const table of tables) {
      const rows = rowsOf(await db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`));
      for (const r of rows) out.push({ table, row: String(r.row) });
    }
    return out;
  };

/** `openEphemeralStorage`, with a dump of every table (see `TableDump`). */
export const openInspectableStorage = async (): Promise<{ readonly storage: Storage; readonly dump: TableDump }> => {
  const database = await openPglite(null);
  const media = new InMemoryMediaStore({ ids: ids(), transactions: rollbackHooks(database.db) });
  return { storage: fromDatabase(database, media, 'pglite (in memory)', false), dump: dumpOf(database.db) };
};

/** Embedded and in memory: a real SQL database for tests, gone when closed. */
export const openEphemeralStorage = async (): Promise<Storage> => {
  const database = await openPglite(null);
  const media = new InMemoryMediaStore({ ids: ids(), transactions: rollbackHooks(database.db) });
  return fromDatabase(database, media, 'pglite (in memory)', false);
};
