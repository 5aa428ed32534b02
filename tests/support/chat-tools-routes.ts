import { registerChatToolsRoutes, type ChatToolsDeps } from '../../adapters/http/crm/chat-tools.router.ts';
import { chatToolsModule } from '../../bootstrap/modules/chat-tools-module.ts';
import type { Desk } from './desk-harness.ts';
import { leadRouter } from './lead-desk-routes.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';

/** The chat tools use cases as `chatToolsModule()` binds them on the assembled desk. */
export const chatToolsUseCases = (desk: Desk): ChatToolsDeps => {
  if (!desk.container.isBound(TOKENS.ListTemplates)) desk.container.load(chatToolsModule());
  const get = desk.container.get.bind(desk.container);
  return {
    listTemplates: get(TOKENS.ListTemplates),
    refreshTemplates: get(TOKENS.RefreshTemplates),
    uploadMedia: get(TOKENS.UploadMedia),
    getMedia: get(TOKENS.GetMedia),
    createVisitQuote: get(TOKENS.CreateVisitQuote),
    listVisitQuotes: get(TOKENS.ListVisitQuotes),
    sendQuote: get(TOKENS.SendQuote),
  };
};

/**
 * The test lead router (actor from `x-test-actor`) with the chat tools routes on it too, so one test can
 * upload a file and send it from the chat panel. `overrides` replace use cases (e.g. a sync that fails).
 */
export const chatToolsRouter = (desk: Desk, overrides: Partial<ChatToolsDeps> = {}) => {
  const leads = leadRouter(desk);
  registerChatToolsRoutes(leads.router, { ...chatToolsUseCases(desk), ...overrides });
  const as = (actor: string) => ({
    ...leads.as(actor),
    upload: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return leads.router.request('/media', { method: 'POST', body: form, headers: { 'x-test-actor': actor } });
    },
  });
  return { router: leads.router, as, outboxWakes: leads.outboxWakes };
};
