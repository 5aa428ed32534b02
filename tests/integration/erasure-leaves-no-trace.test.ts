import fc from 'fast-check';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { rollbackHooks } from '../../adapters/persistence/ambient-transaction.ts';
import { openPglite } from '../../adapters/persistence/database.ts';
import { DrizzleRateLimiter } from '../../adapters/persistence/drizzle-rate-limiter.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { openStorage, type Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { MediaId } from '../../domain/shared/ids.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import { type Desk, startDesk, T0, TEST_ADMIN_KEY } from '../support/desk-harness.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { liveALeadsLife, type Person } from '../support/lead-life.ts';
import { postgresForTests } from '../support/require-postgres.ts';

type Query = (text: string) => Promise<Record<string, unknown>[]>;
type Subject = { readonly storage: Storage; readonly query: Query; close(): Promise<void> };

/** PGlite as the tests' ephemeral storage is built, keeping a handle for raw SQL; files in memory, beside it. */
const onPglite = async (): Promise<Subject> => {
  const database = await openPglite(null);
  const storage: Storage = {
    store: new DrizzleUnitOfWork(database.db, { defaultSettings: defaultBotSettings }),
    media: new InMemoryMediaStore({ ids: new SequentialIdGenerator(), transactions: rollbackHooks(database.db) }),
    rateLimiter: new DrizzleRateLimiter(database.db),
    notifications: null,
    description: 'pglite (test)',
    ping: database.ping,
    close: database.close,
  };
  const query: Query = async (text) =>
    ((await database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
  return { storage, query, close: () => storage.close() };
};

/** A fresh PostgreSQL database: files live in it too. */
const onPostgres = async (): Promise<Subject> => {
  const database = await freshPostgresDatabase();
  if (database === null) throw new Error('TEST_DATABASE_URL vanished');
  const storage = await openStorage(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }));
  const raw = postgres(database.url, { max: 1, onnotice: () => {} });
  return {
    storage,
    query: async (text) => [...(await raw.unsafe(text))] as Record<string, unknown>[],
    close: async () => {
      await raw.end();
      await storage.close();
      await database.drop();
    },
  };
};

/** Every row of every table, as text, with where it was found. */
const everything = async (query: Query): Promise<{ table: string; row: string }[]> => {
  const tables = await query(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const rows = await Promise.all(
    tables.map(async ({ name }) =>
      (await query(`select t::text as row from "${String(name)}" t`)).map((r) => ({
        table: String(name),
        row: String(r.row),
      })),
    ),
  );
  return rows.flat();
};

const tracesOf = (p: Person): string[] => [p.email, p.name, p.name.split(' ')[0] ?? p.name, p.phone, p.phone.slice(1)];

let serial = 0;
const anyPerson: fc.Arbitrary<Person> = fc
  .record({
    first: fc.stringMatching(/^[A-Z][a-z]{6,9}$/),
    last: fc.stringMatching(/^[A-Z][a-z]{6,9}$/),
    local: fc.stringMatching(/^[a-z][a-z0-9]{5,12}$/),
    digits: fc.integer({ min: 0, max: 9_999 }),
  })
  .map(({ first, last, local, digits }) => ({
    name: `${first} ${last}`,
    email: `${local}@correo-prueba.co`,
    phone: `+57301${String(++serial).padStart(3, '0')}${String(digits).padStart(4, '0')}`,
  }));

const erasureLeavesNoTrace = (open: () => Promise<Subject>) => () => {
  let subject: Subject;
  let desk: Desk;
  beforeAll(async () => {
    subject = await open();
    desk = await startDesk(T0, subject.storage);
  });
  afterAll(async () => {
    await desk?.container.unbindAllAsync();
    await subject?.close();
  });

  it('leaves no row of any table holding an erased lead’s e-mail, name or phone, and none of their files', async () => {
    const erased: Person[] = [];
    await fc.assert(
      fc.asyncProperty(anyPerson, async (person) => {
        // A day apart: each lead's appointment finds its advisor free.
        desk.clock.advance(DAY_MS);
        const lead = await liveALeadsLife(desk, person, TEST_ADMIN_KEY);
        const api = (method: string, path: string) =>
          desk.container
            .get(TOKENS.HttpApp)
            .request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
        const exported = (await (await api('GET', `/leads/${lead.id}/personal-data`)).json()) as {
          files: { id: MediaId }[];
        };
        const found = (await everything(subject.query)).filter(({ row }) => row.includes(person.email));
        expect(found.length).toBeGreaterThan(0);

        expect((await api('POST', `/leads/${lead.id}/erasure`)).status).toBe(200);
        erased.push(person);

        const left = (await everything(subject.query)).flatMap(({ table, row }) =>
          erased.flatMap((p) =>
            tracesOf(p)
              .filter((t) => row.includes(t))
              .map((t) => `${table}: ${t}`),
          ),
        );
        expect(left).toEqual([]);
        for (const file of exported.files) expect(await desk.media.get(file.id)).toBeNull();
      }),
      { numRuns: 3 },
    );
  }, 180_000);
};

describe('an erasure on PGlite (files beside the database)', erasureLeavesNoTrace(onPglite));

describe.skipIf(postgresForTests() === null)(
  'an erasure on PostgreSQL (files in the database)',
  erasureLeavesNoTrace(onPostgres),
);
