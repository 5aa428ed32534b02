import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './funnel-settings.handlers.ts';
import type { FunnelSettingsDeps } from './funnel-settings.handlers.ts';
import * as routes from './funnel-settings.routes.ts';

export type { FunnelSettingsDeps } from './funnel-settings.handlers.ts';

/** The funnel's stage labels and the separation's expiry: everyone reads them, admins write them. */
export const funnelSettingsRouter = (deps: FunnelSettingsDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.getFunnelSettingsRoute, handlers.getFunnelSettings(deps));
  router.openapi(routes.updateFunnelSettingsRoute, handlers.updateFunnelSettings(deps));
  return router;
};
