import type { ResolutionContext } from 'inversify';
import { registerChatToolsRoutes } from '../adapters/http/crm/chat-tools.router.ts';
import { createCrmRouter, type CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { TOKENS } from './tokens.ts';

/** `/templates`, `/media`, `/visits/{id}/quotes` and `/quotes/{id}/send`, from the use cases `chatToolsModule()` binds. */
export const chatToolsRouter = (context: Pick<ResolutionContext, 'get'>): CrmRouter =>
  registerChatToolsRoutes(createCrmRouter(), {
    listTemplates: context.get(TOKENS.ListTemplates),
    refreshTemplates: context.get(TOKENS.RefreshTemplates),
    uploadMedia: context.get(TOKENS.UploadMedia),
    getMedia: context.get(TOKENS.GetMedia),
    createVisitQuote: context.get(TOKENS.CreateVisitQuote),
    listVisitQuotes: context.get(TOKENS.ListVisitQuotes),
    sendQuote: context.get(TOKENS.SendQuote),
  });
