import type { DeskEvent, EventPublisher } from '../../application/ports/events.ts';

export type DeskEventListener = (event: DeskEvent) => void;

/** Records every event (for tests and the simulator) and hands it to live subscribers. */
export class InMemoryEventPublisher implements EventPublisher {
  readonly #published: DeskEvent[] = [];
  readonly #listeners = new Set<DeskEventListener>();

  /** Everything published so far, oldest first. */
  get published(): readonly DeskEvent[] {
    return [...this.#published];
  }

  publish(events: readonly DeskEvent[]): void {
    for (const event of events) {
      this.#published.push(event);
      for (const listener of [...this.#listeners]) notify(listener, event);
    }
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
