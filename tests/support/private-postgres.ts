import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePort } from './app-process.ts';

const run = promisify(execFile);

/**
 * The newest PostgreSQL server binaries (initdb, pg_ctl): POSTGRES_BIN_DIR, else Debian's
 * /usr/lib/postgresql/<version>/bin. `null` when there are none.
 */
export const postgresBinDir = (): string | null => {
  const given = process.env['POSTGRES_BIN_DIR'];
  if (given !== undefined && given !== '') return given;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  const newest = versions.at(-1);
  return newest === undefined ? null : join(root, newest, 'bin');
};

/** A PostgreSQL cluster of the test's own, on a free port, that the test may stop and start at will. */
export type PrivatePostgres = {
  /** A database named test_private on it (trust auth, user postgres). */
  readonly url: string;
  /** `pg_ctl stop -m fast`: connections are cut, new ones refused until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it (if running) and deletes its files. */
  destroy(): Promise<void>;
};

/** PostgreSQL refuses to run as root: then initdb and pg_ctl run as the `postgres` user, which owns the files. */
const asServerUser = (dir: string): ((command: string, args: string[]) => Promise<unknown>) => {
  if (process.getuid?.() !== 0) return (command, args) => run(command, args);
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, id('-u'), id('-g'));
  return (command, args) => run('runuser', ['-u', 'postgres', '--', command, ...args]);
};

/** initdb into a temporary directory, then start it listening on 127.0.0.1 only; durability off, for speed. */
export const startPrivatePostgres = async (bin: string): Promise<PrivatePostgres> => {
  const dir = mkdtempSync(join(tmpdir(), 'private-pg-'));
  const data = join(dir, 'data');
  const as = asServerUser(dir);
  await as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const pgCtl = (...args: string[]) => as(join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '60', ...args]);
  const start = async () => void (await pgCtl('-l', join(dir, 'server.log'), '-o', options, 'start'));
  const stop = async () => void (await pgCtl('-m', 'fast', 'stop'));
  await start();
  const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database test_private');
  await admin.end({ timeout: 5 });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/test_private`,
    stop,
    start,
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
