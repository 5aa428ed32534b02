import { AsyncLocalStorage } from 'node:async_hooks';
import type { RollbackHooks } from '../../application/ports/media-store.ts';
import type { Db } from './drizzle-db.ts';

type Ambient = {
  readonly database: Db;
  readonly transaction: Db;
  /** What to undo outside the database when the transaction rolls back (files stored beside it). */
  readonly undo?: (() => Promise<void>)[];
};

const ambient = new AsyncLocalStorage<Ambient>();

/** Runs `work` with `transaction` known as the transaction in progress on `database`. */
export const runInTransaction = <T>(
  database: Db,
  transaction: Db,
  work: () => Promise<T>,
  undo?: (() => Promise<void>)[],
): Promise<T> => ambient.run(undo === undefined ? { database, transaction } : { database, transaction, undo }, work);

/** `RollbackHooks` for stores beside `database` (files on disk): what they register is undone when its transaction rolls back. */
export const rollbackHooks = (database: Db): RollbackHooks => ({
  onRollback(undo) {
    const store = ambient.getStore();
    if (store?.database !== database || store.undo === undefined) return false;
    store.undo.push(undo);
    return true;
  },
});

/** Runs what a rolled-back transaction registered, newest first; a failing undo does not stop the others. */
export const undoAll = async (undo: readonly (() => Promise<void>)[]): Promise<void> => {
  for (const step of [...undo].reverse()) await step().catch(() => undefined);
};

/**
 * The handle to use on `database` from code outside the repositories (the media store): the transaction
 * in progress on it when called from inside one, else the database. Going around an open transaction
 * would wait for itself on PGlite (one connection) and take a second pooled connection on PostgreSQL.
 */
export const currentHandle = (database: Db): Db => {
  const store = ambient.getStore();
  return store !== undefined && store.database === database ? store.transaction : database;
};
