import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { spawnNode } from './child.ts';
import { cpuMeter, type CpuShare } from './cpu.ts';
import type { BenchDatabase } from './database.ts';
import { httpClient } from './http-client.ts';
import { closedLoop, type LoadResult } from './load.ts';

export type Drive = {
  readonly concurrency: number;
  readonly durationMs: number;
  readonly onTick?: (done: number, elapsedMs: number) => void;
};

/** About the size of a stored webhook message, so the row is like an inbox row. */
const PAYLOAD = JSON.stringify({ kind: 'message', text: 'x'.repeat(400), from: '573001234567', at: Date.now() });
const SCRATCH = 'bench_scratch_insert';
const CREATE = `CREATE TABLE IF NOT EXISTS ${SCRATCH} (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`;

type Measured = { load: LoadResult; cpu: CpuShare };

/** Raw postgres.js: one single-row INSERT per request (autocommit), `concurrency` connections. */
const postgresInserts = async (url: string, drive: Drive, databaseName: string | null): Promise<Measured> => {
  const sql = postgres(url, { max: drive.concurrency, onnotice: () => {} });
  try {
    await sql.unsafe(CREATE);
    // Every connection open before the clock starts (and before the meter looks for their backends).
    await Promise.all(Array.from({ length: drive.concurrency }, () => sql`select pg_sleep(0.05)`));
    const meter = cpuMeter(null, databaseName);
    const load = await closedLoop(
      drive,
      async () => void (await sql`insert into ${sql(SCRATCH)} (payload) values (${PAYLOAD}::jsonb)`),
    );
    return { load, cpu: meter.stop() };
  } finally {
    await sql.unsafe(`DROP TABLE IF EXISTS ${SCRATCH}`).catch(() => {});
    await sql.end({ timeout: 5 });
  }
};

/** PGlite (on disk, like the app's) has one connection: the same inserts, queued by PGlite itself. */
const pgliteInserts = async (drive: Drive): Promise<Measured> => {
  const dir = mkdtempSync(join(tmpdir(), 'lead-desk-bench-insert-'));
  const db = await PGlite.create(dir);
  try {
    await db.exec(CREATE);
    const meter = cpuMeter(process.pid);
    const load = await closedLoop(
      drive,
      async () => void (await db.query(`insert into ${SCRATCH} (payload) values ($1::jsonb)`, [PAYLOAD])),
    );
    return { load, cpu: meter.stop() };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The database's raw single-row INSERT rate at the bench's concurrency (a scratch table, dropped after). */
export const rawInsertBaseline = (
  database: BenchDatabase,
  drive: Drive,
  databaseName: string | null,
): Promise<Measured> =>
  database.kind === 'postgres' ? postgresInserts(database.url, drive, databaseName) : pgliteInserts(drive);

/**
 * Hono hello world in its own process, driven by the same client as the app. The CPU shares tell
 * whether the server or the client (this process) was the limit.
 */
export const helloWorldBaseline = async (drive: Drive): Promise<Measured> => {
  const server = await spawnNode('bench/hello-server.ts', {});
  const client = httpClient(server.url, drive.concurrency);
  try {
    const meter = cpuMeter(server.pid);
    const load = await closedLoop(drive, async () => {
      const answer = await client.get('/');
      if (answer.status !== 200) throw new Error(`hello world answered ${answer.status}`);
    });
    return { load, cpu: meter.stop() };
  } finally {
    client.close();
    await server.stop();
  }
};
