import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './dead-letters.handlers.ts';
import type { DeadLettersDeps } from './dead-letters.handlers.ts';
import * as routes from './dead-letters.routes.ts';

export type { DeadLettersDeps } from './dead-letters.handlers.ts';

/** `/admin/dead-letters`: inbox entries that failed too often, for admins to retry or discard. */
export const deadLettersRouter = (deps: DeadLettersDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.listDeadLettersRoute, handlers.listDeadLetters(deps));
  router.openapi(routes.getDeadLetterRoute, handlers.getDeadLetter(deps));
  router.openapi(routes.retryDeadLetterRoute, handlers.retryDeadLetter(deps));
  router.openapi(routes.discardDeadLetterRoute, handlers.discardDeadLetter(deps));
  return router;
};
