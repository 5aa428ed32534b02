import { mediaFetchQueueContract } from '../contracts/media-fetch-queue.contract.ts';
import { apiKeyRepositoryContract } from '../contracts/api-key-repository.contract.ts';
import { afterAll, beforeAll, describe } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { configurationContract } from '../contracts/configuration.contract.ts';
import type { OpenSubject } from '../contracts/contract-subject.ts';
import { conversationRepositoryContract } from '../contracts/conversation-repository.contract.ts';
import { deadLetterRepositoryContract } from '../contracts/dead-letter-repository.contract.ts';
import { inboxRepositoryContract } from '../contracts/inbox-repository.contract.ts';
import { leadRepositoryContract } from '../contracts/lead-repository.contract.ts';
import { messageRepositoryContract } from '../contracts/message-repository.contract.ts';
import { quoteRepositoryContract } from '../contracts/quote-repository.contract.ts';
import { unitOfWorkContract } from '../contracts/unit-of-work.contract.ts';
import { visitRepositoryContract } from '../contracts/visit-repository.contract.ts';
import { appointmentRepositoryContract } from '../contracts/appointment-repository.contract.ts';
import { reservationRepositoryContract } from '../contracts/reservation-repository.contract.ts';
import { rateLimiterContract } from '../contracts/rate-limiter.contract.ts';
import { DrizzleRateLimiter } from '../../adapters/persistence/drizzle-rate-limiter.ts';
import { openTestDatabases, type TestDatabase } from '../support/database.ts';
import { sql } from 'drizzle-orm';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { DrizzleMediaStore } from '../../adapters/persistence/drizzle-media-store.ts';
import { media, mediaChunks } from '../../adapters/persistence/schema.ts';
import { mediaStoreContract, type OpenMediaStore } from '../contracts/media-store.contract.ts';

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

    leadRepositoryContract(target.name, open);
    conversationRepositoryContract(target.name, open);
    messageRepositoryContract(target.name, open);
    visitRepositoryContract(target.name, open);
    quoteRepositoryContract(target.name, open);
    configurationContract(target.name, open);
    unitOfWorkContract(target.name, open);
    inboxRepositoryContract(target.name, open);
    mediaFetchQueueContract(target.name, open);
    deadLetterRepositoryContract(target.name, open);
    apiKeyRepositoryContract(target.name, open);
    appointmentRepositoryContract(target.name, open);
    reservationRepositoryContract(target.name, open);
    rateLimiterContract(target.name, async () => {
      if (database === null) throw new Error(`${target.name} database not open`);
      await database.reset();
      return { limiter: new DrizzleRateLimiter(database.db), close: async () => {} };
    });

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
    mediaStoreContract(target.name, openMedia);
  });
}
