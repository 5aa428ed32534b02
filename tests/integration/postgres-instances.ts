import { afterAll, beforeAll, beforeEach } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { openPostgres, type Database } from '../../adapters/persistence/database.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import type { DeskEvent } from '../../application/ports/events.ts';
import type { Repositories, UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { PostgresTestTarget, TestDatabase } from '../support/database.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';

export const options = { defaultSettings: defaultBotSettings };
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two app "instances" on one fresh PostgreSQL database, each with its own connection pool and unit of
 * work, emptied before each test. Call inside `describe`.
 */
export const usePostgresInstances = (target: PostgresTestTarget | null) => {
  let database: TestDatabase | null = null;
  let instances: Database[] = [];
  let uows: UnitOfWork[] = [];
  const published: DeskEvent[] = [];
  beforeAll(async () => {
    if (target === null) return;
    database = await target.create();
    const url = database.url ?? '';
    instances = [await openPostgres(url), await openPostgres(url)];
    uows = instances.map((i) =>
      unitOfWorkOver(new DrizzleUnitOfWork(i.db, options), { publish: (events) => void published.push(...events) }),
    );
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await database?.close();
  });
  beforeEach(async () => {
    published.length = 0;
    await database?.reset();
  });
  const open = (): TestDatabase => {
    if (database === null) throw new Error('no PostgreSQL database open');
    return database;
  };
  return {
    /** Repositories outside any transaction, for setting up and checking. */
    repos: (): Repositories => drizzleRepositories(open().db, options),
    /** What the instances' committed transactions published, in order, since the test began. */
    published: (): readonly DeskEvent[] => published,
    /** Worker `n`'s unit of work: even workers on one instance, odd ones on the other. */
    uowOf: (n: number): UnitOfWork => {
      const uow = uows[n % uows.length];
      if (uow === undefined) throw new Error('no instances open');
      return uow;
    },
  };
};

/** Items grouped by key, groups in order of first appearance. */
export const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): T[][] => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.values()];
};
