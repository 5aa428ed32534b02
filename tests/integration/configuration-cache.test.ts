import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { openPglite, type Database } from '../../adapters/persistence/database.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { aLine } from '../builders/line-builder.ts';

const options = { defaultSettings: defaultBotSettings };
const TTL_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lines, bot settings and the catalogue are cached between transactions: never stale for this process's own writes. */
describe('the configuration cache (PGlite)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(null);
  });
  afterAll(async () => {
    await database.close();
  });

  const setup = async () => {
    const direct = drizzleRepositories(database.db, options);
    const uow = new DrizzleUnitOfWork(database.db, { ...options, configurationCacheMs: TTL_MS });
    const line = aLine().withName('Antes').build();
    await direct.lines.save(line);
    return { direct, uow, line };
  };

  it('serves repeated reads from the cache and sees another writer within its time to live', async () => {
    const { direct, uow, line } = await setup();
    await uow.transaction((repos) => repos.lines.byId(line.id));

    await direct.lines.save({ ...line, name: 'Otra instancia' });
    const soon = await uow.transaction((repos) => repos.lines.byId(line.id));
    await pause(TTL_MS + 50);
    const later = await uow.transaction((repos) => repos.lines.byId(line.id));

    expect(soon?.name).toBe('Antes');
    expect(later?.name).toBe('Otra instancia');
  });

  it('shows this process’s own writes to the very next transaction', async () => {
    const { uow, line } = await setup();
    await uow.transaction((repos) => repos.lines.byPhoneNumberId(line.phoneNumberId));

    await uow.transaction((repos) => repos.lines.save({ ...line, name: 'Después' }));
    const next = await uow.transaction((repos) => repos.lines.byPhoneNumberId(line.phoneNumberId));

    expect(next?.name).toBe('Después');
  });

  it('runs an edit that read a cached copy again on fresh data: no other writer’s change is lost', async () => {
    const { direct, uow } = await setup();
    await direct.settings.save(defaultBotSettings);
    await uow.transaction((repos) => repos.settings.current());
    await direct.settings.save({ ...defaultBotSettings, flow: { ...defaultBotSettings.flow, narrowAbove: 9 } });

    let runs = 0;
    await uow.transaction(async (repos) => {
      runs += 1;
      const current = await repos.settings.current();
      await repos.settings.save({ ...current, policy: { ...current.policy, version: 'v-nueva' } });
    });
    const saved = await direct.settings.current();

    expect(runs).toBe(2);
    expect(saved.flow.narrowAbove).toBe(9);
    expect(saved.policy.version).toBe('v-nueva');
  });
});
