import * as handlers from './builder-profile.handlers.ts';
import type { BuilderProfileDeps } from './builder-profile.handlers.ts';
import * as routes from './builder-profile.routes.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';

export type { BuilderProfileDeps } from './builder-profile.handlers.ts';

/** The builder the proposals name: everyone reads it, admins write it. */
export const builderProfileRouter = (deps: BuilderProfileDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.getBuilderProfileRoute, handlers.getBuilderProfile(deps));
  router.openapi(routes.updateBuilderProfileRoute, handlers.updateBuilderProfile(deps));
  return router;
};
