import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Actor } from '../../../application/ports/actor.ts';
import { endsStreamOf, type DeskEvent } from '../../../application/ports/events.ts';
import { authResponses } from './crm-responses.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';

/** Subscribes a listener to the live desk events; returns the function that unsubscribes. */
export type SubscribeToEvents = (listener: (event: DeskEvent) => void) => () => void;

export type EventsDeps = {
  readonly subscribe: SubscribeToEvents;
  readonly canSee: { execute(input: { readonly actor: Actor; readonly event: DeskEvent }): Promise<boolean> };
  /** Milliseconds between comment heartbeats (15 s unless a test says otherwise). */
  readonly heartbeatMs?: number;
};

export const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  summary: 'Live desk events (server-sent events)',
  description:
    'A `text/event-stream`: each event has `event: <type>` (message_received, message_queued, message_status_changed, ' +
    'lead_registered, lead_assigned, visit_changed, user_deactivated), `data: <json>` and an `id`. Advisors get only events ' +
    'about their own leads; managers and admins get everything, including bot conversations with no lead yet. A `: heartbeat` ' +
    'comment every 15 s. The stream of a user who is deactivated ends at once.',
  responses: { 200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } }, ...authResponses },
});

/** `GET /events`: what the caller may see, as it happens, until they disconnect. */
export const eventsRouter = (deps: EventsDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(eventsRoute, (c) => {
    const actor = c.get('actor');
    return streamSSE(c, async (stream) => {
      let seq = 0;
      let delivery = Promise.resolve();
      const forward = async (event: DeskEvent): Promise<void> => {
        if (stream.aborted || !(await deps.canSee.execute({ actor, event }))) return;
        seq += 1;
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event), id: String(seq) });
      };
      // Chained so events keep their order although the visibility check is asynchronous.
      const unsubscribe = deps.subscribe((event) => {
        // A deactivated user's stream ends at once, on whichever instance holds it.
        if (endsStreamOf(event, actor)) return stream.abort();
        delivery = delivery.then(() => forward(event)).catch(() => undefined);
      });
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n').catch(() => undefined), deps.heartbeatMs ?? 15_000);
      await stream.write(': connected\n\n');
      await new Promise<void>((resolve) => {
        stream.onAbort(() => {
          clearInterval(heartbeat);
          unsubscribe();
          resolve();
        });
      });
    }) as never;
  });
  return router;
};
