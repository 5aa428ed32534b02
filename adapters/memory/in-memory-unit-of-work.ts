import { AsyncLocalStorage } from 'node:async_hooks';
import { Conflict } from '../../application/ports/conflict.ts';
import type { RollbackHooks } from '../../application/ports/media-store.ts';
import type { Repositories, TransactionalStore } from '../../application/ports/unit-of-work.ts';
import { inMemoryRepositories } from './in-memory-repositories.ts';
import type { InMemoryStore } from './in-memory-store.ts';

/**
 * Transactions run strictly one after another, which is stronger than the port's promise that
 * transactions on the same lead or conversation never interleave. Not re-entrant: a transaction
 * that opens another waits for itself forever.
 */
const MAX_ATTEMPTS = 3;

export class InMemoryUnitOfWork implements TransactionalStore, RollbackHooks {
  readonly #store: InMemoryStore;
  /** What the transaction in progress (in this async context) registered to undo if it rolls back. */
  readonly #undo = new AsyncLocalStorage<(() => Promise<void>)[]>();
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

  /** Files kept beside the store (`InMemoryMediaStore`) are removed with the rest of a rolled-back transaction. */
  onRollback(undo: () => Promise<void>): boolean {
    const pending = this.#undo.getStore();
    if (pending === undefined) return false;
    pending.push(undo);
    return true;
  }

  async #run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const before = this.#store.snapshot();
      const undo: (() => Promise<void>)[] = [];
      try {
        return await this.#undo.run(undo, () => work(this.#repos));
      } catch (error) {
        this.#store.restore(before);
        for (const step of undo.reverse()) await step().catch(() => undefined);
        if (!(error instanceof Conflict) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
