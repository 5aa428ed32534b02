import type { Repositories, TransactionalStore } from '../../application/ports/unit-of-work.ts';
import { runInTransaction, undoAll } from './ambient-transaction.ts';
import { ConfigurationCache } from './configuration-cache.ts';
import type { Db } from './drizzle-db.ts';
import { drizzleRepositories, type DrizzleRepositoryOptions } from './drizzle-repositories.ts';
import { asConflict, isRetryableRace } from './pg-errors.ts';
import { valueFree } from './storage-error.ts';

export type DrizzleUnitOfWorkOptions = DrizzleRepositoryOptions & {
  /** Runs of one transaction that lost a race (`Conflict`, serialization failure, deadlock); 3 by default. */
  readonly maxAttempts?: number;
  /**
   * `single` runs on the pool without BEGIN/COMMIT (PostgreSQL). Off for PGlite, whose one connection a
   * running transaction holds: a statement outside it would land inside it.
   */
  readonly autocommitSingles?: boolean;
  /** Keeps lines, bot settings and the catalogue this long between reads (see `ConfigurationCache`); off when absent. */
  readonly configurationCacheMs?: number;
};

/**
 * Read-committed transactions with repositories bound to each. Races are settled by the database
 * (unique keys, row locks, advisory locks) and a lost one runs the whole transaction again. On PGlite,
 * a single connection, transactions queue behind one another and never interleave; there, as in memory,
 * a transaction must not open another (or use repositories outside it) while it runs: it would wait for itself.
 */
export class DrizzleUnitOfWork implements TransactionalStore {
  readonly #maxAttempts: number;
  readonly #cache: ConfigurationCache | null;

  constructor(
    private readonly db: Db,
    private readonly options: DrizzleUnitOfWorkOptions,
  ) {
    this.#maxAttempts = options.maxAttempts ?? 3;
    this.#cache =
      options.configurationCacheMs === undefined ? null : new ConfigurationCache(options.configurationCacheMs);
  }

  /** Repositories over `db`, through the configuration cache when there is one. */
  #repos(db: Db, fresh: boolean): { readonly repos: Repositories; wrote(): boolean } {
    const repos = drizzleRepositories(db, this.options);
    return this.#cache === null ? { repos, wrote: () => false } : this.#cache.around(repos, fresh);
  }

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let wrote = (): boolean => false;
      const undo: (() => Promise<void>)[] = [];
      try {
        return await this.db.transaction((tx) =>
          runInTransaction(
            this.db,
            tx,
            () => {
              // A run after a lost race reads configuration past the cache.
              const scoped = this.#repos(tx, attempt > 1);
              wrote = scoped.wrote;
              return work(scoped.repos);
            },
            undo,
          ),
        );
      } catch (error) {
        // Rolled back: files stored beside the database meanwhile go too.
        await undoAll(undo);
        // What leaves the adapter says codes and names, not the statement's values (see storage-error.ts).
        if (!isRetryableRace(error)) throw valueFree(error);
        if (attempt >= this.#maxAttempts) throw asConflict(error);
      } finally {
        // Committed or rolled back: drop what others read while it was in flight.
        if (wrote()) this.#cache?.invalidate();
      }
    }
  }

  async single<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    if (this.options.autocommitSingles !== true) return this.transaction(work);
    const scoped = this.#repos(this.db, false);
    try {
      return await work(scoped.repos);
    } catch (error) {
      throw isRetryableRace(error) ? asConflict(error) : valueFree(error);
    } finally {
      if (scoped.wrote()) this.#cache?.invalidate();
    }
  }
}
