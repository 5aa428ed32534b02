import { Conflict } from '../../application/ports/conflict.ts';
import type { Repositories, UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { inMemoryRepositories } from './in-memory-repositories.ts';
import type { InMemoryStore } from './in-memory-store.ts';

/**
 * Transactions run strictly one after another, which is stronger than the port's promise that
 * transactions on the same lead or conversation never interleave. Not re-entrant: a transaction
 * that opens another waits for itself forever.
 */
const MAX_ATTEMPTS = 3;

export class InMemoryUnitOfWork implements UnitOfWork {
  readonly #store: InMemoryStore;
  readonly #repos: Repositories;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(store: InMemoryStore) {
    this.#store = store;
    this.#repos = inMemoryRepositories(store);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = this.#tail.then(() => this.#run(work));
    // The queue moves on whatever the outcome; the caller still sees the rejection through `run`.
    this.#tail = run.catch(() => undefined);
    return run;
  }

  single<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  async #run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const before = this.#store.snapshot();
      try {
        return await work(this.#repos);
      } catch (error) {
        this.#store.restore(before);
        if (!(error instanceof Conflict) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
