import { createRouter, type Router } from './create-router.ts';
import * as handlers from './health.handlers.ts';
import type { HealthDeps } from './health.handlers.ts';
import * as routes from './health.routes.ts';

export type { HealthDeps } from './health.handlers.ts';

/** `GET /health` (liveness) and `GET /ready` (readiness), for the load balancer and the orchestrator. */
export const healthRouter = (deps: HealthDeps): Router => {
  const router = createRouter();
  router.openapi(routes.healthRoute, handlers.health);
  router.openapi(routes.readyRoute, handlers.ready(deps));
  return router;
};
