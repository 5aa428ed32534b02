import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './users.handlers.ts';
import type { UsersDeps } from './users.handlers.ts';
import * as routes from './users.routes.ts';

export type { UsersDeps } from './users.handlers.ts';

/** `/me`, users (and their deactivation) and their API keys. */
export const usersRouter = (deps: UsersDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.meRoute, handlers.me);
  router.openapi(routes.listUsersRoute, handlers.listUsers(deps));
  router.openapi(routes.createUserRoute, handlers.createUser(deps));
  router.openapi(routes.issueApiKeyRoute, handlers.issueApiKey(deps));
  router.openapi(routes.listApiKeysRoute, handlers.listApiKeys(deps));
  router.openapi(routes.deactivateUserRoute, handlers.deactivateUser(deps));
  router.openapi(routes.reactivateUserRoute, handlers.reactivateUser(deps));
  router.openapi(routes.revokeApiKeyRoute, handlers.revokeApiKey(deps));
  router.openapi(routes.setWorkingHoursRoute, handlers.setWorkingHours(deps));
  router.openapi(routes.clearWorkingHoursRoute, handlers.clearWorkingHours(deps));
  return router;
};
