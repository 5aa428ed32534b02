import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { openPglite, type Database } from '../../adapters/persistence/database.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import { DrizzleMediaStore } from '../../adapters/persistence/drizzle-media-store.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { aLead } from '../builders/lead-builder.ts';

const options = { defaultSettings: defaultBotSettings };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PGlite: one connection shared by concurrent transactions', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(null);
  });
  afterAll(async () => {
    await database.close();
  });

  it('runs 20 concurrent read-modify-write transactions one after another: no update is lost', async () => {
    const uow = new DrizzleUnitOfWork(database.db, options);
    const repos = drizzleRepositories(database.db, options);
    await repos.settings.save({ ...defaultBotSettings, flow: { narrowAbove: 0, welcomeBackAfterHours: 12 } });

    // Settings are read without a row lock: only PGlite's own transaction queue keeps these apart.
    const bump = () =>
      uow.transaction(async (tx) => {
        const current = await tx.settings.current();
        await pause(1);
        await tx.settings.save({ ...current, flow: { ...current.flow, narrowAbove: current.flow.narrowAbove + 1 } });
      });
    await Promise.all(Array.from({ length: 20 }, bump));

    expect((await repos.settings.current()).flow.narrowAbove).toBe(20);
  });

  it('keeps a query outside any transaction out of a transaction in progress', async () => {
    const uow = new DrizzleUnitOfWork(database.db, options);
    const repos = drizzleRepositories(database.db, options);
    const lead = aLead().build();
    const writing = uow.transaction(async (tx) => {
      await tx.leads.save(lead);
      await pause(20);
      throw new Error('rolled back');
    });
    // Issued while the transaction is open: it must neither see the uncommitted lead nor run inside it.
    const seen = await repos.leads.byId(lead.id);
    await expect(writing).rejects.toThrow('rolled back');
    expect(seen).toBeNull();
    expect(await repos.leads.byId(lead.id)).toBeNull();
  });
});

describe('PGlite in a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-pglite-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps what was written across a close and a reopen', async () => {
    const lead = aLead().withName('Durable Dora').build();
    const bytes = Uint8Array.from([0, 1, 2, 254, 255]);
    const first = await openPglite(dataDir);
    const mediaId = await new DrizzleMediaStore(first.db, new SequentialIdGenerator()).put({
      bytes,
      mimeType: 'application/pdf',
      filename: 'q.pdf',
      owner: null,
    });
    await new DrizzleUnitOfWork(first.db, options).transaction((repos) => repos.leads.save(lead));
    await first.close();

    const reopened = await openPglite(dataDir);
    try {
      expect(await reopened.ping()).toBe(true);
      expect(await drizzleRepositories(reopened.db, options).leads.byId(lead.id)).toEqual(lead);
      expect(await new DrizzleMediaStore(reopened.db, new SequentialIdGenerator()).get(mediaId)).toEqual({
        bytes,
        mimeType: 'application/pdf',
        filename: 'q.pdf',
        owner: null,
      });
    } finally {
      await reopened.close();
    }
  });
});
