import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './events.handlers.ts';
import type { EventsDeps } from './events.handlers.ts';
import * as routes from './events.routes.ts';

export type { EventsDeps } from './events.handlers.ts';
export type { SubscribeToEvents } from './event-streams.ts';

/** `GET /events`: the live desk events, filtered per caller. */
export const eventsRouter = (deps: EventsDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.eventsRoute, handlers.streamEvents(deps));
  return router;
};
