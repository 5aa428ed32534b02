import * as handlers from './configuration.handlers.ts';
import type { ConfigurationDeps } from './configuration.handlers.ts';
import * as routes from './configuration.routes.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';

export type { ConfigurationDeps } from './configuration.handlers.ts';

/** Advisor groups, lines, the catalogue and the bot's settings: admins write, managers read. */
export const configurationRouter = (deps: ConfigurationDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.listAdvisorGroupsRoute, handlers.listAdvisorGroups(deps));
  router.openapi(routes.createAdvisorGroupRoute, handlers.createAdvisorGroup(deps));
  router.openapi(routes.updateAdvisorGroupRoute, handlers.updateAdvisorGroup(deps));
  router.openapi(routes.listLinesRoute, handlers.listLines(deps));
  router.openapi(routes.saveLineRoute, handlers.saveLine(deps));
  router.openapi(routes.listProjectsRoute, handlers.listProjects(deps));
  router.openapi(routes.upsertProjectRoute, handlers.upsertProject(deps));
  router.openapi(routes.listPriceBucketsRoute, handlers.listPriceBuckets(deps));
  router.openapi(routes.replacePriceBucketsRoute, handlers.replacePriceBuckets(deps));
  router.openapi(routes.getDataPolicyRoute, handlers.getDataPolicy(deps));
  router.openapi(routes.updateDataPolicyRoute, handlers.updateDataPolicy(deps));
  router.openapi(routes.getBotTextsRoute, handlers.getBotTexts(deps));
  router.openapi(routes.updateBotTextsRoute, handlers.updateBotTexts(deps));
  return router;
};
