import type { ResolutionContext } from 'inversify';
import { registerChatToolsRoutes } from '../adapters/http/crm/chat-tools.router.ts';
import { createCrmRouter, type CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { CHAT_TOOLS_TOKENS } from './chat-tools-tokens.ts';

/** `/templates`, `/media`, `/visits/{id}/quotes` and `/quotes/{id}/send`, from the use cases `chatToolsModule()` binds. */
export const chatToolsRouter = (context: Pick<ResolutionContext, 'get'>): CrmRouter =>
  registerChatToolsRoutes(createCrmRouter(), {
    listTemplates: context.get(CHAT_TOOLS_TOKENS.ListTemplates),
    refreshTemplates: context.get(CHAT_TOOLS_TOKENS.RefreshTemplates),
    uploadMedia: context.get(CHAT_TOOLS_TOKENS.UploadMedia),
    getMedia: context.get(CHAT_TOOLS_TOKENS.GetMedia),
    createVisitQuote: context.get(CHAT_TOOLS_TOKENS.CreateVisitQuote),
    listVisitQuotes: context.get(CHAT_TOOLS_TOKENS.ListVisitQuotes),
    sendQuote: context.get(CHAT_TOOLS_TOKENS.SendQuote),
  });
