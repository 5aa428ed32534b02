import type { Actor } from '../../../application/ports/actor.ts';
import type { DeskEvent } from '../../../application/ports/events.ts';
import { hears, MANAGERS_ONLY, type EventAudience } from '../../../application/use-cases/resolve-event-audience.ts';
import { seesAllLeads } from '../../../application/ports/actor.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';

/** Subscribes a listener to the live desk events; returns the function that unsubscribes. */
export type SubscribeToEvents = (listener: (event: DeskEvent) => void) => () => void;

/** A stream refused: its key, or this instance, already holds `limit` streams. */
export type TooManyStreams = {
  readonly type: 'TooManyStreams';
  readonly scope: 'key' | 'instance';
  readonly limit: number;
  readonly retryAfterSeconds: number;
};

/** Open streams allowed per API key and in total, on this instance. */
export type StreamCaps = { readonly perKey: number; readonly total: number };

export type EventStreamsDeps = {
  readonly subscribe: SubscribeToEvents;
  readonly audience: { execute(input: { readonly event: DeskEvent }): Promise<EventAudience> };
  readonly caps: StreamCaps;
};

/** A slot frees whenever some stream closes: a short wait is enough. */
const RETRY_AFTER_SECONDS = 5;

type Listener = { readonly actor: Actor; readonly deliver: (event: DeskEvent) => void };

/**
 * The event streams open on this instance. One subscription to the desk events serves them all: each
 * event's audience is resolved once (one read, and only when an advisor is listening), then the event goes
 * to every stream that may hear it, in publication order. Streams are capped per API key and in total.
 */
export class EventStreams {
  readonly #listeners = new Set<Listener>();
  readonly #perKey = new Map<string, number>();
  #unsubscribe: (() => void) | null = null;
  #delivery: Promise<void> = Promise.resolve();

  constructor(private readonly deps: EventStreamsDeps) {}

  /** Takes a slot for a stream of `callerKey`; `release` frees it (once, however often it is called). */
  attach(
    callerKey: string,
    actor: Actor,
    deliver: (event: DeskEvent) => void,
  ): Result<{ release(): void }, TooManyStreams> {
    const { perKey, total } = this.deps.caps;
    const held = this.#perKey.get(callerKey) ?? 0;
    if (this.#listeners.size >= total) return err(tooMany('instance', total));
    if (held >= perKey) return err(tooMany('key', perKey));
    const listener: Listener = { actor, deliver };
    this.#listeners.add(listener);
    this.#perKey.set(callerKey, held + 1);
    this.#unsubscribe ??= this.deps.subscribe((event) => this.#publish(event));
    let released = false;
    return ok({
      release: () => {
        if (released) return;
        released = true;
        this.#detach(callerKey, listener);
      },
    });
  }

  #detach(callerKey: string, listener: Listener): void {
    this.#listeners.delete(listener);
    const left = (this.#perKey.get(callerKey) ?? 1) - 1;
    if (left > 0) this.#perKey.set(callerKey, left);
    else this.#perKey.delete(callerKey);
    if (this.#listeners.size === 0) {
      this.#unsubscribe?.();
      this.#unsubscribe = null;
    }
  }

  #publish(event: DeskEvent): void {
    // The streams open now: one opened later never heard of this event before either.
    const listeners = [...this.#listeners];
    // Resolved at once (reads of successive events overlap), delivered in publication order.
    const audience = listeners.some((l) => !seesAllLeads(l.actor))
      ? this.deps.audience.execute({ event }).catch(() => null)
      : Promise.resolve(MANAGERS_ONLY);
    this.#delivery = this.#delivery
      .then(async () => {
        const heard = await audience;
        // Without an audience (the read failed) only those who hear everything get the event.
        for (const l of listeners) if (heard === null ? seesAllLeads(l.actor) : hears(l.actor, heard)) l.deliver(event);
      })
      .catch(() => undefined);
  }
}

const tooMany = (scope: TooManyStreams['scope'], limit: number): TooManyStreams => ({
  type: 'TooManyStreams',
  scope,
  limit,
  retryAfterSeconds: RETRY_AFTER_SECONDS,
});
