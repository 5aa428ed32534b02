import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './drizzle-db.ts';

type Ambient = { readonly database: Db; readonly transaction: Db };

const ambient = new AsyncLocalStorage<Ambient>();

/** Runs `work` with `transaction` known as the transaction in progress on `database`. */
export const runInTransaction = <T>(database: Db, transaction: Db, work: () => Promise<T>): Promise<T> =>
  ambient.run({ database, transaction }, work);

/**
 * The handle to use on `database` from code outside the repositories (the media store): the transaction
 * in progress on it when called from inside one, else the database. Going around an open transaction
 * would wait for itself on PGlite (one connection) and take a second pooled connection on PostgreSQL.
 */
export const currentHandle = (database: Db): Db => {
  const store = ambient.getStore();
  return store !== undefined && store.database === database ? store.transaction : database;
};
