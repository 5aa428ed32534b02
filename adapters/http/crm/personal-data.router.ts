import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './personal-data.handlers.ts';
import type { PersonalDataDeps } from './personal-data.handlers.ts';
import * as routes from './personal-data.routes.ts';

export type { PersonalDataDeps } from './personal-data.handlers.ts';

/** Data subjects' rights (admins): a lead's export and erasure, and the audit of both. */
export const personalDataRouter = (deps: PersonalDataDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.exportPersonalDataRoute, handlers.exportPersonalData(deps));
  router.openapi(routes.eraseLeadRoute, handlers.eraseLead(deps));
  router.openapi(routes.listDataSubjectRequestsRoute, handlers.listDataSubjectRequests(deps));
  return router;
};
