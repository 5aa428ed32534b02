import type { DeskEvent, EventPublisher } from '../../application/ports/events.ts';

export type DeskEventListener = (event: DeskEvent) => void;

/** How many recent events are kept for `published`: a long-running process must not grow with its history. */
const DEFAULT_HISTORY = 1_000;

/** Hands each event to live subscribers and remembers the most recent ones (for tests). */
export class InMemoryEventPublisher implements EventPublisher {
  #published: DeskEvent[] = [];
  readonly #listeners = new Set<DeskEventListener>();
  readonly #history: number;

  constructor(options: { readonly history?: number } = {}) {
    this.#history = options.history ?? DEFAULT_HISTORY;
  }

  /** The most recent events (at most `history`), oldest first. */
  get published(): readonly DeskEvent[] {
    return this.#published.slice(-this.#history);
  }

  /** How many listeners are subscribed now (for tests: an event stream that closes unsubscribes). */
  get subscribers(): number {
    return this.#listeners.size;
  }

  publish(events: readonly DeskEvent[]): void {
    for (const event of events) {
      this.#published.push(event);
      for (const listener of [...this.#listeners]) notify(listener, event);
    }
    // Trimmed in batches so publishing stays O(1) amortised.
    if (this.#published.length >= 2 * this.#history) this.#published = this.#published.slice(-this.#history);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: DeskEventListener): () => void {
    // Wrapped so that subscribing the same function twice yields two independent subscriptions.
    const entry: DeskEventListener = (e) => listener(e);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  clear(): void {
    this.#published.length = 0;
  }
}

/** The port promises never to throw: a broken subscriber must not undo a stored change's response. */
const notify = (listener: DeskEventListener, event: DeskEvent): void => {
  try {
    listener(event);
  } catch {
    // Deliberately ignored; subscribers own their errors.
  }
};
