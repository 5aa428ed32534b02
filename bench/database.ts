import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** The database the app runs on during the benchmark; `drop()` removes what only the bench needs afterwards. */
export type BenchDatabase =
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly version: string;
      readonly fresh: boolean;
      drop(): Promise<void>;
    }
  | {
      readonly kind: 'pglite';
      readonly dataDir: string;
      readonly version: string;
      readonly note: string;
      drop(): Promise<void>;
    };

/** Local server the bench creates its `bench` database on when DATABASE_URL is not set. */
export const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'bench';

const serverVersion = async (url: string): Promise<string> => {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return `PostgreSQL ${row?.v ?? '?'}`;
  } finally {
    await sql.end({ timeout: 2 });
  }
};

/** Drops and recreates `bench` on the local server; null when the server is not reachable. */
const freshLocalDatabase = async (): Promise<string | null> => {
  const admin = postgres(LOCAL_SERVER, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${BENCH_DB}`);
    const url = new URL(LOCAL_SERVER);
    url.pathname = `/${BENCH_DB}`;
    return url.toString();
  } catch {
    return null;
  } finally {
    await admin.end({ timeout: 2 }).catch(() => {});
  }
};

const pglite = (note: string): BenchDatabase => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-bench-'));
  return {
    kind: 'pglite',
    dataDir,
    version: 'PGlite (embedded)',
    note,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

/**
 * PostgreSQL at DATABASE_URL as it is (the bench adds rows and a scratch table); else a fresh `bench`
 * database on the local server; else (or with `--pglite`) PGlite in a temporary directory.
 */
export const pickDatabase = async (wantPglite: boolean): Promise<BenchDatabase> => {
  if (wantPglite) return pglite('--pglite');
  const given = process.env['DATABASE_URL'];
  if (given !== undefined && given.trim() !== '') {
    return { kind: 'postgres', url: given, version: await serverVersion(given), fresh: false, drop: async () => {} };
  }
  const url = await freshLocalDatabase();
  if (url === null) return pglite(`no PostgreSQL at ${LOCAL_SERVER}`);
  // Kept after the run for inspection; the next run drops it.
  return { kind: 'postgres', url, version: await serverVersion(url), fresh: true, drop: async () => {} };
};

/** The app's storage variables for this database (the other one explicitly unset). */
export const storageEnv = (database: BenchDatabase): Record<string, string> =>
  database.kind === 'postgres' ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: database.dataDir };
