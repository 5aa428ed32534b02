import type { Work, WorkListener, WorkSignal } from '../../application/ports/work-signal.ts';

/** One process's wake-ups: `announce` calls every listener at once (one instance, or in-memory storage). */
export class InProcessWorkSignal implements WorkSignal {
  readonly #listeners = new Set<WorkListener>();

  announce(work: Work): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(work);
      } catch {
        // The port promises never to throw: a listener owns its errors.
      }
    }
  }

  subscribe(listener: WorkListener): () => void {
    // Wrapped so that subscribing the same function twice yields two independent subscriptions.
    const entry: WorkListener = (work) => listener(work);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }
}
