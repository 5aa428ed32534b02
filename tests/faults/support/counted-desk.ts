import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { FixedClock } from '../../../adapters/clock/fixed-clock.ts';
import { SystemClock } from '../../../adapters/clock/system-clock.ts';
import { SequentialIdGenerator } from '../../../adapters/ids/sequential-id-generator.ts';
import { RandomIdGenerator } from '../../../adapters/ids/random-id-generator.ts';
import { defaultBotSettings } from '../../../adapters/memory/default-bot-settings.ts';
import { InMemoryMediaStore } from '../../../adapters/memory/in-memory-media-store.ts';
import { rollbackHooks } from '../../../adapters/persistence/ambient-transaction.ts';
import { openPglite } from '../../../adapters/persistence/database.ts';
import { DrizzleRateLimiter } from '../../../adapters/persistence/drizzle-rate-limiter.ts';
import { DrizzleUnitOfWork } from '../../../adapters/persistence/drizzle-unit-of-work.ts';
import * as schema from '../../../adapters/persistence/schema.ts';
import { loadConfig } from '../../../bootstrap/config.ts';
import { buildContainer, override } from '../../../bootstrap/container.ts';
import { seedDemo } from '../../../bootstrap/demo/seed-demo.ts';
import type { Storage } from '../../../bootstrap/storage.ts';
import { TOKENS } from '../../../bootstrap/tokens.ts';
import { T0 } from '../../support/desk-harness.ts';

/** Rate-limit counters are bookkeeping, not stored data: a refused request may well count against its sender. */
const TABLES = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .filter((name) => name !== getTableName(schema.rateLimits));

export type RowCounts = Readonly<Record<string, number>>;

/** The tables whose row count differs between two snapshots, with both counts. */
export const changedRows = (before: RowCounts, after: RowCounts): string[] =>
  TABLES.filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);

/**
 * The assembled app in process (as `npm start` wires it, fixed clock, demo data; fake or Meta WhatsApp
 * as `env` says) on an in-memory PGlite database, so a test can count every table's rows around a request.
 */
export const startCountedDesk = async (env: Readonly<Record<string, string>>) => {
  const database = await openPglite(null);
  const storage: Storage = {
    store: new DrizzleUnitOfWork(database.db, { defaultSettings: defaultBotSettings }),
    media: new InMemoryMediaStore({
      ids: new RandomIdGenerator(new SystemClock()),
      transactions: rollbackHooks(database.db),
    }),
    rateLimiter: new DrizzleRateLimiter(database.db),
    notifications: database.notifications,
    description: 'pglite (in memory)',
    ping: database.ping,
    close: database.close,
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const container = buildContainer(
    config,
    [override(TOKENS.Clock, new FixedClock(T0)), override(TOKENS.IdGenerator, new SequentialIdGenerator())],
    storage,
  );
  await seedDemo(storage.store, config.whatsapp.phoneNumberId ?? undefined);
  const app = container.get(TOKENS.HttpApp);
  const count = sql.raw(`select ${TABLES.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`);
  return {
    container,
    app,
    /** Every table's row count. */
    rows: async (): Promise<RowCounts> => {
      const result = await database.db.execute(count);
      return ((result as unknown as { rows?: RowCounts[] }).rows ?? (result as unknown as RowCounts[]))[0] ?? {};
    },
    /**
     * Why inbox entries, or files to copy, failed (and wait to be retried): a stored webhook must never get stuck. A receipt for
     * a message not sent from here, or a file WhatsApp would not hand over yet, waits by design.
     */
    failedEntries: async (): Promise<string[]> => {
      const result = await database.db.execute(
        sql`select last_error from inbox where last_error is not null and last_error <> 'message not known yet' and last_error not like 'media download failed%'
            union all select last_error from media_fetches where last_error is not null and last_error not like 'media download failed%'`,
      );
      return ((result as unknown as { rows?: { last_error: string }[] }).rows ?? []).map((r) => r.last_error);
    },
    /** Lets what earlier requests started (inbox, outbox, files) finish, so counts move only with the next request. */
    settle: async (): Promise<void> => {
      for (let round = 0; round < 2; round++) {
        await container.get(TOKENS.MessagePipeline).idle();
      }
    },
    close: async (): Promise<void> => {
      await container.unbindAllAsync();
      await storage.close();
    },
  };
};

export type CountedDesk = Awaited<ReturnType<typeof startCountedDesk>>;

/** What a refused request must look like: a 4xx problem+json (never a 500). */
export const isProblem = (response: Response): boolean =>
  response.status >= 400 &&
  response.status < 500 &&
  (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
