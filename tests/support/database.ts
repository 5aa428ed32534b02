import { existsSync } from 'node:fs';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../adapters/persistence/database.ts';
import type { Db } from '../../adapters/persistence/drizzle-db.ts';
import * as schema from '../../adapters/persistence/schema.ts';

/** A migrated database of its own for one test file; `reset()` empties it between tests. */
export type TestDatabase = {
  readonly db: Db;
  /** Its URL when it is a PostgreSQL server, so a test can open more pools ("instances") on it. */
  readonly url: string | null;
  /** Empties every table and restarts the sequences. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

/** A kind of database the integration tests run against. */
export type TestTarget = {
  readonly name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
};

const tableNames = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => `"${getTableName(table)}"`);

const testDatabase = (database: Database, url: string | null, dispose: () => Promise<void>): TestDatabase => ({
  db: database.db,
  url,
  reset: async () => {
    await database.db.execute(sql.raw(`truncate table ${tableNames.join(', ')} restart identity cascade`));
  },
  close: async () => {
    await database.close();
    await dispose();
  },
});

const pgliteTarget: TestTarget = {
  name: 'pglite',
  create: async () => testDatabase(await openPglite(null), null, async () => {}),
};

/** Refuses any database whose name lacks "test": these tests empty what they touch. */
export const guardTestUrl = (url: string): string => {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name.includes('test'))
    throw new Error(`refusing to run tests against database "${name}": its name lacks "test"`);
  return url;
};

/** A new database on the server (named test_…), not migrated; `drop()` removes it. */
const emptyDatabase = async (baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
};

export type PostgresTestTarget = TestTarget & { emptyDatabase(): ReturnType<typeof emptyDatabase> };

/** Each `create()` makes a new, migrated database on the server and drops it on close. */
const postgresTarget = (baseUrl: string): PostgresTestTarget => ({
  name: 'postgres',
  emptyDatabase: () => emptyDatabase(baseUrl),
  create: async () => {
    const { url, drop } = await emptyDatabase(baseUrl);
    try {
      return testDatabase(await openPostgres(url), url, drop);
    } catch (error) {
      await drop();
      throw error;
    }
  },
});

const reachable = async (url: string): Promise<unknown> => {
  const probe = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await probe`select 1`;
    return null;
  } catch (error) {
    return error;
  } finally {
    await probe.end({ timeout: 1 });
  }
};

const dockerReachable = (): boolean => Boolean(process.env['DOCKER_HOST']) || existsSync('/var/run/docker.sock');

/** A throwaway PostgreSQL in Docker for this test file, stopped after it. */
const containerUrl = async (): Promise<string> => {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:17-alpine').withDatabase('test').start();
  afterAll(async () => {
    await container.stop();
  });
  return container.getConnectionUri();
};

/**
 * The PostgreSQL server for integration tests: TEST_DATABASE_URL (guarded, and it must answer), else a
 * Testcontainers one when a Docker engine is around, else `null`. With CI=true, TEST_DATABASE_URL is
 * required: a CI run never skips PostgreSQL silently.
 */
export const testPostgresUrl = async (): Promise<string | null> => {
  const url = process.env['TEST_DATABASE_URL'];
  if (url === undefined || url === '') {
    if (process.env['CI'] === 'true')
      throw new Error('CI=true but TEST_DATABASE_URL is not set: the integration tests need PostgreSQL');
    return dockerReachable() ? guardTestUrl(await containerUrl()) : null;
  }
  const failure = await reachable(guardTestUrl(url));
  if (failure !== null) throw new Error(`TEST_DATABASE_URL does not answer: ${String(failure)}`, { cause: failure });
  return url;
};

/** The databases every integration suite runs against: PGlite in memory always, PostgreSQL when available. */
export const openTestDatabases = async (): Promise<TestTarget[]> => {
  const url = await testPostgresUrl();
  return url === null ? [pgliteTarget] : [pgliteTarget, postgresTarget(url)];
};

/** Only the PostgreSQL target (tests of several instances on one server); `null` when there is none. */
export const openTestPostgres = async (): Promise<PostgresTestTarget | null> => {
  const url = await testPostgresUrl();
  return url === null ? null : postgresTarget(url);
};
