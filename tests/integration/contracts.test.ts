import { afterAll, beforeAll, describe } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import type { OpenSubject } from '../contracts/contract-subject.ts';
import { DrizzleRateLimiter } from '../../adapters/persistence/drizzle-rate-limiter.ts';
import { openTestDatabases, type TestDatabase } from '../support/database.ts';
import { sql } from 'drizzle-orm';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { DrizzleMediaStore } from '../../adapters/persistence/drizzle-media-store.ts';
import { media, mediaChunks } from '../../adapters/persistence/schema.ts';
import { type OpenMediaStore, rollingBack } from '../contracts/media-store.contract.ts';
import type { OpenRateLimiter } from '../contracts/rate-limiter.contract.ts';
import type { OpenEventPublisher } from '../contracts/event-publisher.contract.ts';
import type { OpenWorkSignal } from '../contracts/work-signal.contract.ts';
import { runContracts } from '../contracts/registry.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { openPostgres } from '../../adapters/persistence/database.ts';
import { PostgresWorkSignal } from '../../adapters/persistence/postgres-work-signal.ts';
import { PostgresEventRelay } from '../../adapters/persistence/postgres-event-relay.ts';

const options = { defaultSettings: defaultBotSettings };

for (const target of await openTestDatabases()) {
  describe(target.name, () => {
    let database: TestDatabase | null = null;
    beforeAll(async () => {
      database = await target.create();
    });
    afterAll(async () => {
      await database?.close();
    });

    /** One database per file, emptied before each test: as fresh as a new one, and much faster. */
    const open: OpenSubject = async () => {
      if (database === null) throw new Error(`${target.name} database not open`);
      await database.reset();
      return {
        repos: drizzleRepositories(database.db, options),
        uow: new DrizzleUnitOfWork(database.db, { ...options, autocommitSingles: target.name === 'postgres' }),
        close: async () => {},
      };
    };

    const openLimiter: OpenRateLimiter = async () => {
      if (database === null) throw new Error(`${target.name} database not open`);
      await database.reset();
      return { limiter: new DrizzleRateLimiter(database.db), close: async () => {} };
    };

    /** Files held: rows of `media`, and chunks of files that have none (there must never be any). */
    const openMedia: OpenMediaStore = async () => {
      if (database === null) throw new Error(`${target.name} database not open`);
      await database.reset();
      const { db } = database;
      const files = async () => {
        const [held] = await db.select({ n: sql<number>`count(*)::int` }).from(media);
        const [orphaned] = await db
          .select({ n: sql<number>`count(distinct ${mediaChunks.mediaId})::int` })
          .from(mediaChunks)
          .where(sql`not exists (select 1 from ${media} where ${media.id} = ${mediaChunks.mediaId})`);
        return (held?.n ?? 0) + (orphaned?.n ?? 0);
      };
      return {
        store: new DrizzleMediaStore(db, new SequentialIdGenerator()),
        files,
        inRolledBackTransaction: rollingBack(new DrizzleUnitOfWork(db, options)),
        joinsTransactions: true,
        close: async () => {},
      };
    };
    /** Two instances on one PostgreSQL database, each its own pool and relay, on a channel of this test's own. */
    const openRelays: OpenEventPublisher = async () => {
      const url = database?.url;
      if (url === null || url === undefined) throw new Error('PostgreSQL only');
      const channel = `contract_events_${++channels}`;
      const instance = async (instanceId: string) => {
        const pool = await openPostgres(url);
        if (pool.notifications === null) throw new Error('PostgreSQL has notifications');
        const local = new InMemoryEventPublisher();
        const quiet = { info: () => {}, warn: () => {}, error: () => {} };
        const relay = new PostgresEventRelay(pool.notifications, local, { instanceId, logger: quiet, channel });
        await relay.listen();
        return { pool, local, relay };
      };
      const [a, b] = [await instance('contract-a'), await instance('contract-b')];
      return {
        publisher: a.relay,
        subscribe: (listener) => a.local.subscribe(listener),
        elsewhere: (listener) => b.local.subscribe(listener),
        close: async () => {
          for (const { relay, pool } of [a, b]) {
            await relay.close();
            await pool.close();
          }
        },
      };
    };
    let channels = 0;
    /** Two instances' work signals on one PostgreSQL database, on a channel of this test's own. */
    const openSignals: OpenWorkSignal = async () => {
      const url = database?.url;
      if (url === null || url === undefined) throw new Error('PostgreSQL only');
      const channel = `contract_work_${++channels}`;
      const quiet = { info: () => {}, warn: () => {}, error: () => {} };
      const instance = async (instanceId: string) => {
        const pool = await openPostgres(url);
        if (pool.notifications === null) throw new Error('PostgreSQL has notifications');
        const signal = new PostgresWorkSignal(pool.notifications, { instanceId, logger: quiet, channel });
        await signal.listen();
        return { pool, signal };
      };
      const [a, b] = [await instance('work-a'), await instance('work-b')];
      return {
        signal: a.signal,
        elsewhere: b.signal,
        close: async () => {
          for (const { signal, pool } of [a, b]) {
            await signal.close();
            await pool.close();
          }
        },
      };
    };

    runContracts(target.name, {
      storage: open,
      rateLimiter: openLimiter,
      mediaStore: openMedia,
      // LISTEN/NOTIFY needs PostgreSQL: PGlite serves one process, whose events the in-memory publisher carries.
      ...(target.name === 'postgres' ? { eventPublisher: openRelays, workSignal: openSignals } : {}),
    });
  });
}
