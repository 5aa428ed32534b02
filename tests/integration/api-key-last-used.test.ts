import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitOfWorkOver } from '../support/unit-of-work.ts';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { NodeApiKeySecrets } from '../../adapters/security/node-api-key-secrets.ts';
import { AuthenticateApiKey } from '../../application/use-cases/authenticate-api-key.ts';
import { IssueApiKey } from '../../application/use-cases/issue-api-key.ts';
import { aUser } from '../builders/user-builder.ts';
import { openTestDatabases, type TestDatabase } from '../support/database.ts';

const T0 = Date.UTC(2026, 10, 24, 15);

for (const target of await openTestDatabases()) {
  describe(`${target.name}: an API key's last use`, () => {
    let database: TestDatabase | null = null;
    beforeAll(async () => {
      database = await target.create();
    });
    afterAll(async () => {
      await database?.close();
    });

    it('is written on the first request and then at most once a minute, not on every request', async () => {
      if (database === null) throw new Error('database not open');
      const db = database.db;
      const uow = unitOfWorkOver(
        new DrizzleUnitOfWork(db, {
          defaultSettings: defaultBotSettings,
          autocommitSingles: target.name === 'postgres',
        }),
      );
      const clock = new FixedClock(T0);
      const secrets = new NodeApiKeySecrets();
      const user = aUser().build();
      await uow.transaction((repos) => repos.organisation.saveUser(user));
      const issued = await new IssueApiKey(uow, clock, new SequentialIdGenerator(), secrets).execute({
        userId: user.id,
        label: 'CRM',
      });
      if (!issued.ok) throw new Error(issued.error.type);
      const authenticate = new AuthenticateApiKey(uow, secrets, clock, null);
      // The row's version: PostgreSQL gives an updated row a new xmin, so an unchanged one proves no write.
      const version = async (): Promise<string> => {
        const result: unknown = await db.execute(
          sql`select xmin::text as v from api_keys where id = ${issued.value.record.id}`,
        );
        // postgres.js answers the rows, PGlite an object holding them.
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { v: string }[];
        return rows[0]?.v ?? 'no row';
      };
      const lastUsed = async () => (await uow.transaction((r) => r.apiKeys.byId(issued.value.record.id)))?.lastUsedAt;

      const created = await version();
      await authenticate.execute({ key: issued.value.key });
      const firstUse = await version();
      expect(firstUse).not.toBe(created);
      expect(await lastUsed()).toBe(T0);

      for (let i = 0; i < 20; i++) {
        clock.advance(2_000);
        expect((await authenticate.execute({ key: issued.value.key })).ok).toBe(true);
      }
      expect(await version()).toBe(firstUse);
      expect(await lastUsed()).toBe(T0);

      clock.advance(20_000);
      await authenticate.execute({ key: issued.value.key });
      expect(await version()).not.toBe(firstUse);
      expect(await lastUsed()).toBe(T0 + 60_000);
    });
  });
}
