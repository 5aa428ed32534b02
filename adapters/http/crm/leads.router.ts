import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './leads.handlers.ts';
import type { LeadsDeps } from './leads.handlers.ts';
import * as routes from './leads.routes.ts';

export type { LeadsDeps } from './leads.handlers.ts';

/** The visitors list: leads and their visits. */
export const leadsRouter = (deps: LeadsDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.listLeadsRoute, handlers.listLeads(deps));
  router.openapi(routes.listUnregisteredRoute, handlers.listUnregistered(deps));
  router.openapi(routes.getLeadRoute, handlers.getLead(deps));
  router.openapi(routes.createLeadRoute, handlers.createLead(deps));
  router.openapi(routes.listVisitsRoute, handlers.listVisits(deps));
  router.openapi(routes.openVisitRoute, handlers.openVisit(deps));
  return router;
};
