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
import type { OpenMediaStore } from '../contracts/media-store.contract.ts';
import type { OpenRateLimiter } from '../contracts/rate-limiter.contract.ts';
import { runContracts } from '../contracts/registry.ts';

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
      return { store: new DrizzleMediaStore(db, new SequentialIdGenerator()), files, close: async () => {} };
    };
    runContracts(target.name, { storage: open, rateLimiter: openLimiter, mediaStore: openMedia });
  });
}
