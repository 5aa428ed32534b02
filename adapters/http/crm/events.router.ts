import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Actor } from '../../../application/ports/actor.ts';
import { endsStreamOf, type DeskEvent } from '../../../application/ports/events.ts';
import { authResponses, problemResponse } from './crm-responses.ts';
import { crmProblem } from './crm-problem.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import { EventStreams, type EventStreamsDeps, type StreamCaps } from './event-streams.ts';
import { deskEventPayload } from './events.presenter.ts';

export type { SubscribeToEvents } from './event-streams.ts';

export type EventsDeps = Omit<EventStreamsDeps, 'caps'> & {
  /** Streams per API key and in total on this instance (5 and 200 unless configured). */
  readonly caps?: StreamCaps;
  /** Milliseconds between comment heartbeats (15 s unless a test says otherwise). */
  readonly heartbeatMs?: number;
};

const DEFAULT_CAPS: StreamCaps = { perKey: 5, total: 200 };

export const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  summary: 'Live desk events (server-sent events)',
  description:
    'A `text/event-stream`: each event has `event: <type>` (message_received, message_queued, message_status_changed, ' +
    'lead_registered, lead_assigned, visit_changed, user_deactivated), `data: <json>` (`v: 1`, the `type` again and the ids it concerns) and an `id`. Advisors get only events ' +
    'about their own leads; managers and admins get everything, including bot conversations with no lead yet. A `: heartbeat` ' +
    'comment every 15 s. The stream of a user who is deactivated ends at once. ' +
    'At most 5 open streams per API key (and a total per server): more are refused with 429 `too_many_streams`.',
  responses: {
    200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...authResponses,
    429: problemResponse(
      'Request budget spent (`rate_limited`), or too many open streams (`too_many_streams`); see `Retry-After`.',
    ),
  },
});

/** Streams opened with a test's stand-in authentication (no key digest) are capped per caller instead. */
const callerOf = (actor: Actor): string => (actor.kind === 'user' ? `user:${actor.userId}` : 'bootstrap-admin');

/** `GET /events`: what the caller may see, as it happens, until they disconnect. */
export const eventsRouter = (deps: EventsDeps): CrmRouter => {
  const router = createCrmRouter();
  const streams = new EventStreams({
    subscribe: deps.subscribe,
    audience: deps.audience,
    caps: deps.caps ?? DEFAULT_CAPS,
  });
  router.openapi(eventsRoute, (c) => {
    const actor = c.get('actor');
    let forward: (event: DeskEvent) => void = () => undefined;
    const slot = streams.attach(c.get('callerKey') ?? callerOf(actor), actor, (event) => forward(event));
    if (!slot.ok) return crmProblem(c, slot.error);
    return streamSSE(c, async (stream) => {
      const ended = new Promise<void>((resolve) => stream.onAbort(resolve));
      const heartbeat = setInterval(
        () => void stream.write(': heartbeat\n\n').catch(() => undefined),
        deps.heartbeatMs ?? 15_000,
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
  });
  return router;
};
