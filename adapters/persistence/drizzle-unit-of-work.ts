import type { Repositories, UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { runInTransaction } from './ambient-transaction.ts';
import type { Db } from './drizzle-db.ts';
import { drizzleRepositories, type DrizzleRepositoryOptions } from './drizzle-repositories.ts';
import { asConflict, isRetryableRace } from './pg-errors.ts';

export type DrizzleUnitOfWorkOptions = DrizzleRepositoryOptions & {
  /** Runs of one transaction that lost a race (`Conflict`, serialization failure, deadlock); 3 by default. */
  readonly maxAttempts?: number;
  /**
   * `single` runs on the pool without BEGIN/COMMIT (PostgreSQL). Off for PGlite, whose one connection a
   * running transaction holds: a statement outside it would land inside it.
   */
  readonly autocommitSingles?: boolean;
};

/**
 * Read-committed transactions with repositories bound to each. Races are settled by the database
 * (unique keys, row locks, advisory locks) and a lost one runs the whole transaction again. On PGlite,
 * a single connection, transactions queue behind one another and never interleave; there, as in memory,
 * a transaction must not open another (or use repositories outside it) while it runs: it would wait for itself.
 */
export class DrizzleUnitOfWork implements UnitOfWork {
  readonly #maxAttempts: number;

  constructor(
    private readonly db: Db,
    private readonly options: DrizzleUnitOfWorkOptions,
  ) {
    this.#maxAttempts = options.maxAttempts ?? 3;
  }

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => runInTransaction(this.db, tx, () => work(drizzleRepositories(tx, this.options))));
      } catch (error) {
        if (!isRetryableRace(error)) throw error;
        if (attempt >= this.#maxAttempts) throw asConflict(error);
      }
    }
  }

  async single<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    if (this.options.autocommitSingles !== true) return this.transaction(work);
    try {
      return await work(drizzleRepositories(this.db, this.options));
    } catch (error) {
      throw isRetryableRace(error) ? asConflict(error) : error;
    }
  }
}
