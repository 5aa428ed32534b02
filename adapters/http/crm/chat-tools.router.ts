import * as handlers from './chat-tools.handlers.ts';
import type { ChatToolsDeps } from './chat-tools.handlers.ts';
import * as routes from './chat-tools.routes.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';

export type { ChatToolsDeps } from './chat-tools.handlers.ts';

/** Templates, media upload and download, and the quotes of a visit. */
export const chatToolsRouter = (deps: ChatToolsDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.listTemplatesRoute, handlers.listTemplates(deps));
  router.openapi(routes.syncTemplatesRoute, handlers.syncTemplates(deps));
  router.openapi(routes.uploadMediaRoute, handlers.uploadMedia(deps));
  router.openapi(routes.getMediaRoute, handlers.getMedia(deps));
  router.openapi(routes.createQuoteRoute, handlers.createQuote(deps));
  router.openapi(routes.listQuotesRoute, handlers.listQuotes(deps));
  router.openapi(routes.getQuoteRoute, handlers.getQuote(deps));
  router.openapi(routes.sendQuoteRoute, handlers.sendQuote(deps));
  return router;
};
