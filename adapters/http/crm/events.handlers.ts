import { streamSSE } from 'hono/streaming';
import type { Actor } from '../../../application/ports/actor.ts';
import { endsStreamOf, type DeskEvent } from '../../../application/ports/events.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import { EventStreams, type EventStreamsDeps, type StreamCaps } from './event-streams.ts';
import type * as routes from './events.routes.ts';
import { deskEventPayload } from './events.presenter.ts';

/** What the event stream needs: the hub to subscribe to, who may hear an event, and its limits. */
export type EventsDeps = Omit<EventStreamsDeps, 'caps'> & {
  /** Streams per API key and in total on this instance (5 and 200 unless configured). */
  readonly caps?: StreamCaps;
  /** Milliseconds between comment heartbeats. */
  readonly heartbeatMs: number;
};

const DEFAULT_CAPS: StreamCaps = { perKey: 5, total: 200 };

/** Streams opened with a test's stand-in authentication (no key digest) are capped per caller instead. */
const callerOf = (actor: Actor): string => (actor.kind === 'user' ? `user:${actor.userId}` : 'bootstrap-admin');

/** `GET /events`: what the caller may see, as it happens, until they disconnect. */
export const streamEvents = (deps: EventsDeps): CrmHandler<typeof routes.eventsRoute> => {
  const streams = new EventStreams({
    subscribe: deps.subscribe,
    audience: deps.audience,
    caps: deps.caps ?? DEFAULT_CAPS,
  });
  return (c) => {
    const actor = c.get('actor');
    let forward: (event: DeskEvent) => void = () => undefined;
    const slot = streams.attach(c.get('callerKey') ?? callerOf(actor), actor, (event) => forward(event));
    if (!slot.ok) return crmProblem(c, slot.error);
    return streamSSE(c, async (stream) => {
      const ended = new Promise<void>((resolve) => stream.onAbort(resolve));
      const heartbeat = setInterval(
        () => void stream.write(': heartbeat\n\n').catch(() => undefined),
        deps.heartbeatMs,
      );
      try {
        let seq = 0;
        let writes = Promise.resolve();
        // Chained so that a slow write never reorders this stream's events.
        forward = (event) => {
          // A deactivated user's stream ends at once, on whichever instance holds it.
          if (endsStreamOf(event, actor)) {
            stream.abort();
            return;
          }
          writes = writes
            .then(async () => {
              if (stream.aborted) return;
              seq += 1;
              await stream.writeSSE({
                event: event.type,
                data: JSON.stringify(deskEventPayload(event)),
                id: String(seq),
              });
            })
            .catch(() => undefined);
        };
        await stream.write(': connected\n\n');
        await ended;
      } finally {
        clearInterval(heartbeat);
        slot.value.release();
      }
    });
  };
};
