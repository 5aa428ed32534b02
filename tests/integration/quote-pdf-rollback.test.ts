import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { DiskMediaStore } from '../../adapters/media/disk-media-store.ts';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { rollbackHooks } from '../../adapters/persistence/ambient-transaction.ts';
import { DrizzleMediaStore } from '../../adapters/persistence/drizzle-media-store.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { openTestDatabases } from '../support/database.ts';
import { quotePdfChecks } from '../support/quote-pdf-checks.ts';

const options = { defaultSettings: defaultBotSettings };

for (const target of await openTestDatabases()) {
  if (target.name === 'pglite') {
    // PGlite keeps files on disk beside the database (DATA_DIR/media), as `openStorage` wires it.
    quotePdfChecks('pglite with files on disk', async () => {
      const database = await target.create();
      const dir = await mkdtemp(join(tmpdir(), 'quote-pdf-'));
      return {
        uow: new DrizzleUnitOfWork(database.db, options),
        media: new DiskMediaStore(dir, new SequentialIdGenerator(), rollbackHooks(database.db)),
        // Distinct ids among every name there (a file, its metadata, a part): any leftover counts.
        files: async () =>
          new Set((await readdir(dir).catch(() => [])).map((name) => name.replace(/\.(json|part)$/, ''))).size,
        close: async () => {
          await database.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    });
  } else {
    // PostgreSQL keeps files in the database: a file stored inside the transaction is part of it.
    quotePdfChecks('postgres with files in the database', async () => {
      const database = await target.create();
      return {
        uow: new DrizzleUnitOfWork(database.db, { ...options, autocommitSingles: true }),
        media: new DrizzleMediaStore(database.db, new SequentialIdGenerator()),
        files: async () => {
          const result = await database.db.execute(sql`select count(*)::int as n from media`);
          const rows = (result as unknown as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[]);
          return rows[0]?.n ?? 0;
        },
        close: () => database.close(),
      };
    });
  }
}
